package org.secflow.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL of the device aggregate, on a caller's {@link Handle} (one unit of work). */
final class DeviceDao {
    static final String SELECT = """
            SELECT d.device_id, d.device_type, d.alt_han_variant, d.manufacturer, d.model, d.firmware_version,
                   d.battery_powered, d.tcso_reclassified, d.status, d.comms_hub_id, d.created_at, d.updated_at,
                   h.region, p.mpan, p.mprn, p.import_supplier, p.gas_supplier, p.export_mpan, p.export_supplier
              FROM device d
              LEFT JOIN comms_hub h ON h.device_id = d.comms_hub_id
              LEFT JOIN premises p ON p.premises_id = d.premises_id
            """;
    private static final DeviceRowMapper MAPPER = new DeviceRowMapper();

    private final Handle handle;

    DeviceDao(Handle handle) {
        this.handle = handle;
    }

    Optional<Device> find(String deviceId) {
        return handle.createQuery(SELECT + " WHERE d.device_id = :id").bind("id", deviceId).map(MAPPER).findOne();
    }

    /** A Communications Hub's premises and its registered Suppliers ({@code premisesId} null without premises). */
    record HubPremises(Long premisesId, String importSupplier, String exportSupplier, String gasSupplier) {
    }

    /** The premises of a Communications Hub and its Suppliers, empty when the hub is unknown. */
    Optional<HubPremises> hubPremises(String commsHubId) {
        return handle.createQuery("""
                SELECT h.premises_id, p.import_supplier, p.export_supplier, p.gas_supplier
                  FROM comms_hub h LEFT JOIN premises p ON p.premises_id = h.premises_id
                 WHERE h.device_id = :id""")
                .bind("id", commsHubId)
                .map((rs, ctx) -> new HubPremises(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .findOne();
    }

    int countType1OnHub(String commsHubId) {
        return handle.createQuery("SELECT COUNT(*) FROM device WHERE comms_hub_id = :id AND device_type IN ('PPMID', 'HCALCS')")
                .bind("id", commsHubId).mapTo(Integer.class).one();
    }

    void insert(Device d, Long premisesId, Instant now) {
        handle.createUpdate("""
                INSERT INTO device (device_id, device_type, alt_han_variant, manufacturer, model, firmware_version,
                                    battery_powered, tcso_reclassified, status, comms_hub_id, premises_id,
                                    created_at, updated_at)
                VALUES (:id, :type, :variant, :manufacturer, :model, :firmware, :battery, :tcso, :status, :hub,
                        :premises, :now, :now)
                """)
                .bind("id", d.deviceId())
                .bind("type", d.deviceType().name())
                .bind("variant", d.altHanDeviceVariant() == null ? null : d.altHanDeviceVariant().name())
                .bind("manufacturer", d.manufacturer())
                .bind("model", d.model())
                .bind("firmware", d.firmwareVersion())
                .bind("battery", d.batteryPowered())
                .bind("tcso", d.tcsoReclassified())
                .bind("status", d.status().name())
                .bind("hub", d.commsHubId())
                .bind("premises", premisesId)
                .bind("now", now)
                .execute();
    }

    void update(Device d, Instant now) {
        handle.createUpdate("""
                UPDATE device SET manufacturer = :manufacturer, model = :model, firmware_version = :firmware,
                       alt_han_variant = :variant, battery_powered = :battery, tcso_reclassified = :tcso,
                       status = :status, updated_at = :now
                 WHERE device_id = :id
                """)
                .bind("id", d.deviceId())
                .bind("variant", d.altHanDeviceVariant() == null ? null : d.altHanDeviceVariant().name())
                .bind("manufacturer", d.manufacturer())
                .bind("model", d.model())
                .bind("firmware", d.firmwareVersion())
                .bind("battery", d.batteryPowered())
                .bind("tcso", d.tcsoReclassified())
                .bind("status", d.status().name())
                .bind("now", now)
                .execute();
    }

    Page<Device> list(DeviceQuery q, SmiScope.Condition scope) {
        List<String> where = new ArrayList<>();
        where.add(scope.sql());
        if (q.deviceType() != null) {
            where.add("d.device_type = :type");
        }
        if (q.altHanDeviceVariant() != null) {
            where.add("d.alt_han_variant = :variant");
        }
        if (q.region() != null) {
            where.add("h.region = :region");
        }
        if (q.firmwareVersion() != null) {
            where.add("d.firmware_version = :firmware");
        }
        if (q.commsHubId() != null) {
            where.add("d.comms_hub_id = :hub");
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = bind(handle.createQuery("SELECT COUNT(*) FROM device d LEFT JOIN comms_hub h ON h.device_id = d.comms_hub_id"
                + " LEFT JOIN premises p ON p.premises_id = d.premises_id" + filter), q).bindMap(scope.binds())
                .mapTo(Long.class).one();
        List<Device> items = bind(handle.createQuery(SELECT + filter + " ORDER BY d.device_id LIMIT :limit OFFSET :offset"), q)
                .bindMap(scope.binds())
                .bind("limit", q.size())
                .bind("offset", (long) q.page() * q.size())
                .map(MAPPER).list();
        return new Page<>(items, q.page(), q.size(), total);
    }

    long count() {
        return handle.createQuery("SELECT COUNT(*) FROM device").mapTo(Long.class).one();
    }

    private static Query bind(Query query, DeviceQuery q) {
        if (q.deviceType() != null) {
            query.bind("type", q.deviceType().name());
        }
        if (q.altHanDeviceVariant() != null) {
            query.bind("variant", q.altHanDeviceVariant().name());
        }
        if (q.region() != null) {
            query.bind("region", q.region().name());
        }
        if (q.firmwareVersion() != null) {
            query.bind("firmware", q.firmwareVersion());
        }
        if (q.commsHubId() != null) {
            query.bind("hub", q.commsHubId());
        }
        return query;
    }
}
