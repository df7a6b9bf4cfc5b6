package org.secflow.inventory;

import java.time.Instant;
import java.util.Set;
import org.secflow.spi.DeviceType;
import org.secflow.spi.FirmwareImage;

/**
 * A firmware image on the known-image list.
 *
 * @param imageId id given at registration
 * @param manufacturer manufacturer
 * @param model device model
 * @param version firmware version
 * @param sha256 SHA-256, 64 lower-case hex digits
 * @param applicableDeviceTypes device types it may be sent to
 * @param registeredBy User ID that registered it
 * @param registeredAt when (UTC)
 */
public record RegisteredFirmwareImage(long imageId, String manufacturer, String model, String version, String sha256,
                                      Set<DeviceType> applicableDeviceTypes, String registeredBy, Instant registeredAt) {

    /** The image as the plugin contract carries it. */
    public FirmwareImage toSpi() {
        return new FirmwareImage(manufacturer, model, version, sha256, applicableDeviceTypes);
    }
}
