package org.secflow.inventory;

import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;

/**
 * Body of a device pre-notification, in the spirit of DUIS SRV 12.2 (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1: the request carries
 * the Alt HAN Device Variant, the only thing that tells a bridge from a PPMID).
 *
 * @param deviceId EUI-64 (16 hex digits, octets optionally joined by '-' or ':'); required
 * @param deviceType required; an Alt HAN bridge is a PPMID (default PPMID when {@code altHanDevice} is true)
 * @param altHanDevice true for an Alt HAN P2P Device ("bridge"); then {@code altHanDeviceVariant} is required
 * @param altHanDeviceVariant B1-B4; only for a PPMID; giving it marks the device a bridge
 * @param manufacturer required
 * @param model required
 * @param firmwareVersion required
 * @param batteryPowered optional, default false
 * @param commsHubId optional Device ID of the Communications Hub Function whose HAN (and premises) it joins
 */
public record DevicePreNotification(String deviceId, DeviceType deviceType, Boolean altHanDevice,
                                    AltHanDeviceVariant altHanDeviceVariant, String manufacturer, String model,
                                    String firmwareVersion, Boolean batteryPowered, String commsHubId) {
}
