package org.secflow.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.secflow.problem.ConflictException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.spi.DeviceType;

/** The known firmware image list (MP170 BR12; DCC Preliminary Impact Assessment for SECMP0170 section 3). */
public final class FirmwareImageCatalogue {
    private static final String KNOWN_IMAGE_RULE = "only known firmware images may be sent (BR12, DCC Preliminary Impact Assessment for SECMP0170 section 3)";

    private final Jdbi jdbi;
    private final Clock clock;

    public FirmwareImageCatalogue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds an image to the known list.
     *
     * @param registeredBy User ID of the registering User
     * @throws InvalidFieldException naming the field when the registration is incomplete or malformed
     * @throws ConflictException when the hash or the manufacturer/model/version is already known
     */
    public RegisteredFirmwareImage register(FirmwareImageRegistration r, String registeredBy) {
        String manufacturer = InventoryService.text("manufacturer", r.manufacturer(), 64);
        String model = InventoryService.text("model", r.model(), 64);
        String version = InventoryService.text("version", r.version(), 32);
        if (r.sha256() == null || !r.sha256().matches("[0-9a-fA-F]{64}")) {
            throw new InvalidFieldException("sha256", "an image is identified by its SHA-256, 64 hex digits", "sha256 is not 64 hex digits");
        }
        String sha = r.sha256().toLowerCase(Locale.ROOT);
        if (r.applicableDeviceTypes() == null || r.applicableDeviceTypes().isEmpty()) {
            throw new InvalidFieldException("applicableDeviceTypes", KNOWN_IMAGE_RULE + "; an image names the device types it applies to",
                    "applicableDeviceTypes is empty");
        }
        Instant now = clock.instant();
        try {
            return insert(r, registeredBy, manufacturer, model, version, sha, now);
        } catch (org.jdbi.v3.core.JdbiException e) {
            if (org.secflow.store.SqlStates.isUniqueViolation(e)) {
                // the same image registered at the same moment: the other registration took effect
                throw new ConflictException("sha256", "an image is registered once",
                        "an image with this SHA-256 or this manufacturer, model and version is already known");
            }
            throw e;
        }
    }

    private RegisteredFirmwareImage insert(FirmwareImageRegistration r, String registeredBy, String manufacturer, String model,
                                           String version, String sha, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean clash = h.createQuery("""
                    SELECT COUNT(*) FROM firmware_image
                     WHERE sha256 = :sha OR (manufacturer = :m AND model = :model AND version = :v)
                    """).bind("sha", sha).bind("m", manufacturer).bind("model", model).bind("v", version)
                    .mapTo(Integer.class).one() > 0;
            if (clash) {
                throw new ConflictException("sha256", "an image is registered once",
                        "an image with this SHA-256 or this manufacturer, model and version is already known");
            }
            long id = h.createUpdate("""
                    INSERT INTO firmware_image (manufacturer, model, version, sha256, registered_by, registered_at)
                    VALUES (:m, :model, :v, :sha, :by, :at)
                    """).bind("m", manufacturer).bind("model", model).bind("v", version).bind("sha", sha)
                    .bind("by", registeredBy).bind("at", now)
                    .executeAndReturnGeneratedKeys("image_id").mapTo(Long.class).one();
            for (DeviceType t : r.applicableDeviceTypes()) {
                h.createUpdate("INSERT INTO firmware_image_device_type (image_id, device_type) VALUES (:id, :t)")
                        .bind("id", id).bind("t", t.name()).execute();
            }
            return load(h, "WHERE i.image_id = " + id).get(0);
        });
    }

    /** Every known image, oldest first. */
    public List<RegisteredFirmwareImage> list() {
        return jdbi.withHandle(h -> load(h, ""));
    }

    /** The image with this SHA-256 (any case), if known. */
    public Optional<RegisteredFirmwareImage> findBySha256(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT image_id FROM firmware_image WHERE sha256 = :sha")
                .bind("sha", sha256.toLowerCase(Locale.ROOT)).mapTo(Long.class).findOne()
                .map(id -> load(h, "WHERE i.image_id = " + id).get(0)));
    }

    private static List<RegisteredFirmwareImage> load(Handle h, String where) {
        Map<Long, EnumSet<DeviceType>> types = new HashMap<>();
        h.createQuery("SELECT t.image_id, t.device_type FROM firmware_image_device_type t JOIN firmware_image i ON i.image_id = t.image_id " + where)
                .map((rs, ctx) -> types.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(DeviceType.class))
                        .add(DeviceType.valueOf(rs.getString(2))))
                .list();
        return h.createQuery("""
                SELECT i.image_id, i.manufacturer, i.model, i.version, i.sha256, i.registered_by, i.registered_at
                  FROM firmware_image i
                """ + where + " ORDER BY i.image_id")
                .map((rs, ctx) -> new RegisteredFirmwareImage(rs.getLong("image_id"), rs.getString("manufacturer"),
                        rs.getString("model"), rs.getString("version"), rs.getString("sha256"),
                        Set.copyOf(types.getOrDefault(rs.getLong("image_id"), EnumSet.noneOf(DeviceType.class))),
                        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant()))
                .list();
    }
}
