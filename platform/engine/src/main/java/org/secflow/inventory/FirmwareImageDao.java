package org.secflow.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.secflow.spi.DeviceType;

/**
 * SQL of the known firmware image list ({@code firmware_image} and its device types, V1__smart_metering_inventory.sql), a Jdbi
 * SqlObject on a caller's {@code Handle}.
 */
interface FirmwareImageDao {

    /** How many known images have this SHA-256 or this manufacturer, model and version. */
    @SqlQuery("""
            SELECT COUNT(*) FROM firmware_image
             WHERE sha256 = :sha OR (manufacturer = :m AND model = :model AND version = :v)
            """)
    int clashes(@Bind("sha") String sha, @Bind("m") String manufacturer, @Bind("model") String model, @Bind("v") String version);

    /** @return the new image id */
    @SqlUpdate("""
            INSERT INTO firmware_image (manufacturer, model, version, sha256, registered_by, registered_at)
            VALUES (:m, :model, :v, :sha, :by, :at)
            """)
    @GetGeneratedKeys("image_id")
    long insert(@Bind("m") String manufacturer, @Bind("model") String model, @Bind("v") String version,
                @Bind("sha") String sha, @Bind("by") String registeredBy, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO firmware_image_device_type (image_id, device_type) VALUES (:id, :t)")
    void insertDeviceType(@Bind("id") long imageId, @Bind("t") String deviceType);

    @SqlQuery("SELECT image_id FROM firmware_image WHERE sha256 = :sha")
    Optional<Long> idOf(@Bind("sha") String sha);

    /** The image with this id. */
    default RegisteredFirmwareImage image(long id) {
        return load("WHERE i.image_id = " + id).get(0);
    }

    /** Every known image, oldest first. */
    default List<RegisteredFirmwareImage> all() {
        return load("");
    }

    private List<RegisteredFirmwareImage> load(String where) {
        Map<Long, EnumSet<DeviceType>> types = new HashMap<>();
        deviceTypes(where).forEach(t -> types.computeIfAbsent(t.imageId(), k -> EnumSet.noneOf(DeviceType.class))
                .add(DeviceType.valueOf(t.deviceType())));
        return images(where, types);
    }

    /** One row of {@code firmware_image_device_type}. */
    record TypeRow(long imageId, String deviceType) {
    }

    /** {@code where}: a condition on {@code i} (the image), or nothing. */
    @SqlQuery("SELECT t.image_id, t.device_type FROM firmware_image_device_type t JOIN firmware_image i ON i.image_id = t.image_id <where>")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(TypeRow.class)
    List<TypeRow> deviceTypes(@Define("where") String where);

    /** {@code where}: as {@link #deviceTypes}; {@code types}: the device types of each image id. */
    private List<RegisteredFirmwareImage> images(String where, Map<Long, EnumSet<DeviceType>> types) {
        return imageRows(where).stream().map(r -> new RegisteredFirmwareImage(r.imageId(), r.manufacturer(), r.model(),
                r.version(), r.sha256(), Set.copyOf(types.getOrDefault(r.imageId(), EnumSet.noneOf(DeviceType.class))),
                r.registeredBy(), r.registeredAt())).toList();
    }

    /** One row of {@code firmware_image}. */
    record ImageRow(long imageId, String manufacturer, String model, String version, String sha256, String registeredBy,
                    Instant registeredAt) {
    }

    @SqlQuery("""
            SELECT i.image_id, i.manufacturer, i.model, i.version, i.sha256, i.registered_by, i.registered_at
              FROM firmware_image i
            <where> ORDER BY i.image_id""")
    @UseRowMapper(ImageRows.class)
    List<ImageRow> imageRows(@Define("where") String where);

    /** Reads an {@link ImageRow}. */
    final class ImageRows implements RowMapper<ImageRow> {
        @Override
        public ImageRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ImageRow(rs.getLong("image_id"), rs.getString("manufacturer"), rs.getString("model"),
                    rs.getString("version"), rs.getString("sha256"), rs.getString("registered_by"),
                    rs.getTimestamp("registered_at").toInstant());
        }
    }
}
