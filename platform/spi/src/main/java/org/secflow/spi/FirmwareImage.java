package org.secflow.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A firmware image from the known-image list (MP170 BR12, DCC Preliminary Impact Assessment for SECMP0170 section 3): only such images may be sent.
 *
 * @param manufacturer device manufacturer
 * @param model device model the image is built for
 * @param version firmware version the image installs, e.g. {@code 2.1.0}
 * @param sha256 SHA-256 of the image, 64 lower-case hex digits
 * @param applicableDeviceTypes device types the image may be sent to
 */
public record FirmwareImage(String manufacturer, String model, String version, String sha256,
                            Set<DeviceType> applicableDeviceTypes) {
    public FirmwareImage {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        applicableDeviceTypes = Set.copyOf(applicableDeviceTypes);
    }
}
