package org.secflow.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/** Maps a row of {@link DeviceDao#SELECT} to a {@link Device}. */
class DeviceRowMapper implements RowMapper<Device> {

    @Override
    public Device map(ResultSet rs, StatementContext ctx) throws SQLException {
        String variant = rs.getString("alt_han_variant");
        String region = rs.getString("region");
        return new Device(
                rs.getString("device_id"),
                DeviceType.valueOf(rs.getString("device_type")),
                variant == null ? null : AltHanDeviceVariant.valueOf(variant),
                rs.getString("manufacturer"),
                rs.getString("model"),
                rs.getString("firmware_version"),
                rs.getBoolean("battery_powered"),
                rs.getBoolean("tcso_reclassified"),
                SmiStatus.valueOf(rs.getString("status")),
                rs.getString("comms_hub_id"),
                region == null ? null : Region.valueOf(region),
                rs.getString("mpan"),
                rs.getString("mprn"),
                rs.getString("import_supplier"),
                rs.getString("gas_supplier"),
                rs.getString("export_mpan"),
                rs.getString("export_supplier"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
