package org.secflow.inventory;

import java.util.Set;
import org.secflow.spi.DeviceType;

/**
 * Body of a known firmware image registration (MP170 BR12: only known images may be sent; DCC Preliminary Impact Assessment for SECMP0170 section 3).
 *
 * @param manufacturer required
 * @param model the device model the image is built for; required
 * @param version firmware version it installs; required
 * @param sha256 SHA-256 of the image, 64 hex digits; required, unique
 * @param applicableDeviceTypes device types it may be sent to; at least one
 */
public record FirmwareImageRegistration(String manufacturer, String model, String version, String sha256,
                                        Set<DeviceType> applicableDeviceTypes) {
}
