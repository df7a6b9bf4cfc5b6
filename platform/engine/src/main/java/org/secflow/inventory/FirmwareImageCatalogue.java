package org.secflow.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            FirmwareImageDao images = h.attach(FirmwareImageDao.class);
            if (images.clashes(sha, manufacturer, model, version) > 0) {
                throw new ConflictException("sha256", "an image is registered once",
                        "an image with this SHA-256 or this manufacturer, model and version is already known");
            }
            long id = images.insert(manufacturer, model, version, sha, registeredBy, now);
            for (DeviceType t : r.applicableDeviceTypes()) {
                images.insertDeviceType(id, t.name());
            }
            return images.image(id);
        });
    }

    /** Every known image, oldest first. */
    public List<RegisteredFirmwareImage> list() {
        return jdbi.withExtension(FirmwareImageDao.class, FirmwareImageDao::all);
    }

    /** The image with this SHA-256 (any case), if known. */
    public Optional<RegisteredFirmwareImage> findBySha256(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        return jdbi.withExtension(FirmwareImageDao.class, images -> images.idOf(sha256.toLowerCase(Locale.ROOT)).map(images::image));
    }
}
