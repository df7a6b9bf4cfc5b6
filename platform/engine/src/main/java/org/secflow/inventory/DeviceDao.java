package org.secflow.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * SQL of the device aggregate (V1__smart_metering_inventory.sql), a Jdbi SqlObject attached to a caller's {@code Handle} (one unit of
 * work: {@code h.attach(DeviceDao.class)}).
 */
interface DeviceDao {
    String SELECT = """
            SELECT d.device_id, d.device_type, d.alt_han_variant, d.manufacturer, d.model, d.firmware_version,
                   d.battery_powered, d.tcso_reclassified, d.status, d.comms_hub_id, d.created_at, d.updated_at,
                   h.region, p.mpan, p.mprn, p.import_supplier, p.gas_supplier, p.export_mpan, p.export_supplier
              FROM device d
              LEFT JOIN comms_hub h ON h.device_id = d.comms_hub_id
              LEFT JOIN premises p ON p.premises_id = d.premises_id
            """;

    @SqlQuery(SELECT + " WHERE d.device_id = :id")
    @RegisterRowMapper(Rows.class)
    Optional<Device> find(@Bind("id") String deviceId);

    /** A Communications Hub's premises and its registered Suppliers ({@code premisesId} null without premises). */
    record HubPremises(Long premisesId, String importSupplier, String exportSupplier, String gasSupplier) {
    }

    /** The premises of a Communications Hub and its Suppliers, empty when the hub is unknown. */
    @SqlQuery("""
            SELECT h.premises_id, p.import_supplier, p.export_supplier, p.gas_supplier
              FROM comms_hub h LEFT JOIN premises p ON p.premises_id = h.premises_id
             WHERE h.device_id = :id""")
    @RegisterConstructorMapper(HubPremises.class)
    Optional<HubPremises> hubPremises(@Bind("id") String commsHubId);

    /** The bound fields of a device row: enums by name. */
    record DeviceRow(String id, String type, String variant, String manufacturer, String model, String firmware,
                     boolean battery, boolean tcso, String status, String hub) {
        static DeviceRow of(Device d) {
            return new DeviceRow(d.deviceId(), d.deviceType().name(),
                    d.altHanDeviceVariant() == null ? null : d.altHanDeviceVariant().name(), d.manufacturer(), d.model(),
                    d.firmwareVersion(), d.batteryPowered(), d.tcsoReclassified(), d.status().name(), d.commsHubId());
        }
    }

    default void insert(Device d, Long premisesId, Instant now) {
        insert(DeviceRow.of(d), premisesId, now);
    }

    @SqlUpdate("""
            INSERT INTO device (device_id, device_type, alt_han_variant, manufacturer, model, firmware_version,
                                battery_powered, tcso_reclassified, status, comms_hub_id, premises_id,
                                created_at, updated_at)
            VALUES (:id, :type, :variant, :manufacturer, :model, :firmware, :battery, :tcso, :status, :hub,
                    :premises, :now, :now)
            """)
    void insert(@BindMethods DeviceRow row, @Bind("premises") Long premisesId, @Bind("now") Instant now);

    default void update(Device d, Instant now) {
        update(DeviceRow.of(d), now);
    }

    @SqlUpdate("""
            UPDATE device SET manufacturer = :manufacturer, model = :model, firmware_version = :firmware,
                   alt_han_variant = :variant, battery_powered = :battery, tcso_reclassified = :tcso,
                   status = :status, updated_at = :now
             WHERE device_id = :id
            """)
    void update(@BindMethods DeviceRow row, @Bind("now") Instant now);

    /**
     * One page of the devices the query and the scope's condition select, by Device ID: their count, then the page.
     * Plain queries on the caller's handle, not SqlObject methods: their per-call attach, configuration copy and
     * {@code @Define} rendering were a third of the server's CPU for a page of 50 (docs/performance.md).
     */
    static Page<Device> list(Handle h, DeviceQuery q, SmiScope.Condition scope) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>(scope.binds());
        where.add(scope.sql());
        if (q.deviceType() != null) {
            where.add("d.device_type = :type");
            binds.put("type", q.deviceType().name());
        }
        if (q.altHanDeviceVariant() != null) {
            where.add("d.alt_han_variant = :variant");
            binds.put("variant", q.altHanDeviceVariant().name());
        }
        if (q.region() != null) {
            where.add("h.region = :region");
            binds.put("region", q.region().name());
        }
        if (q.firmwareVersion() != null) {
            where.add("d.firmware_version = :firmware");
            binds.put("firmware", q.firmwareVersion());
        }
        if (q.commsHubId() != null) {
            where.add("d.comms_hub_id = :hub");
            binds.put("hub", q.commsHubId());
        }
        // the conditions are this method's and the scope's own SQL; every value is bound
        String filter = " WHERE " + String.join(" AND ", where);
        long total = h.createQuery("SELECT COUNT(*) FROM device d LEFT JOIN comms_hub h ON h.device_id = d.comms_hub_id"
                        + " LEFT JOIN premises p ON p.premises_id = d.premises_id" + filter)
                .bindMap(binds).mapTo(Long.class).one();
        List<Device> items = h.createQuery(SELECT + filter + " ORDER BY d.device_id LIMIT :limit OFFSET :offset")
                .bindMap(binds).bind("limit", q.size()).bind("offset", (long) q.page() * q.size())
                .map(ROWS).list();
        return new Page<>(items, q.page(), q.size(), total);
    }

    /** Reads a {@link #SELECT} row. */
    RowMapper<Device> ROWS = new DeviceRowMapper();

    @SqlQuery("SELECT COUNT(*) FROM device")
    long count();

    /** {@link #route}'s query, also run as a plain statement where a device is routed per Service Request (see {@link SmiInventoryLookup#route}). */
    String ROUTE = """
            SELECT h.device_id, h.region, d.device_type FROM device d JOIN comms_hub h ON h.device_id = d.comms_hub_id
             WHERE d.device_id = :id""";

    /** The device's Communications Hub, its region and the device's type; empty for a device on no hub. */
    @SqlQuery(ROUTE)
    @RegisterRowMapper(RouteRows.class)
    Optional<CommsHubRoute> route(@Bind("id") String deviceId);

    /** Reads a {@link CommsHubRoute}. */
    final class RouteRows implements RowMapper<CommsHubRoute> {
        @Override
        public CommsHubRoute map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CommsHubRoute(new DeviceId(rs.getString(1)), Region.valueOf(rs.getString(2)),
                    DeviceType.valueOf(rs.getString(3)));
        }
    }

    /** {@link DeviceRowMapper} where Jdbi can construct it. */
    final class Rows extends DeviceRowMapper {
    }
}
