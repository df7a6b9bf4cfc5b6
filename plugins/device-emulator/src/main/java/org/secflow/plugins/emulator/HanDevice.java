package org.secflow.plugins.emulator;

import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;

/**
 * What the emulated HAN knows of one device when a command reaches it; a short-lived view built on lookup.
 *
 * @param id the EUI-64 as a number
 * @param hubId the EUI-64 of the Communications Hub Function whose HAN the device is on
 * @param type device type (bridges are PPMIDs)
 * @param manufacturer manufacturer name, null for a device emulated on first contact
 * @param model model name, null for a device emulated on first contact (it then accepts any image's model)
 * @param variant Alt HAN Device Variant of a bridge, else null
 * @param batteryPowered whether the device runs on battery
 * @param tcsoReclassified whether a Trust Centre Swap Out re-classified this bridge as an IHD (MP170 draft Modification Report section 7)
 * @param firmwareVersion the firmware version the device reports now
 * @param generated true for a device of a generated estate, false for one emulated on first contact
 */
record HanDevice(long id, long hubId, DeviceType type, String manufacturer, String model,
                 AltHanDeviceVariant variant, boolean batteryPowered, boolean tcsoReclassified,
                 String firmwareVersion, boolean generated) {

    /** The same device reporting another firmware version. */
    HanDevice withFirmwareVersion(String version) {
        return new HanDevice(id, hubId, type, manufacturer, model, variant, batteryPowered, tcsoReclassified,
                version, generated);
    }
}
