package org.secflow.spi;

import java.util.Objects;

/**
 * A device of an emulated HAN.
 *
 * @param deviceId EUI-64
 * @param type device type; Alt HAN bridges are PPMIDs
 * @param altHanDeviceVariant B1-B4 for an Alt HAN bridge, else null
 * @param manufacturer manufacturer name
 * @param model model name
 * @param firmwareVersion current firmware version
 * @param batteryPowered whether the device runs on battery (one bridge type does, MP170 draft Modification Report section 7)
 * @param tcsoReclassified whether a Trust Centre Swap Out re-classified this bridge as an IHD (MP170 draft Modification Report section 7)
 */
public record EmulatedDevice(DeviceId deviceId, DeviceType type, AltHanDeviceVariant altHanDeviceVariant,
                             String manufacturer, String model, String firmwareVersion, boolean batteryPowered,
                             boolean tcsoReclassified) {
    public EmulatedDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        if (altHanDeviceVariant != null && type != DeviceType.PPMID) {
            throw new IllegalArgumentException("only a PPMID carries an Alt HAN Device Variant, " + deviceId + " is " + type);
        }
    }

    /** Whether this is an Alt HAN bridge. */
    public boolean isAltHanBridge() {
        return altHanDeviceVariant != null;
    }
}
