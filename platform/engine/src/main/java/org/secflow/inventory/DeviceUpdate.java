package org.secflow.inventory;

import org.secflow.spi.AltHanDeviceVariant;

/**
 * Body of an inventory update, in the spirit of DUIS SRV 8.4 Update Inventory. Absent (null) fields stay as
 * they are; at least one field must be given.
 *
 * @param manufacturer new manufacturer
 * @param model new model
 * @param firmwareVersion new firmware version
 * @param altHanDeviceVariant new Alt HAN Device Variant (PPMIDs only; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)
 * @param batteryPowered new battery flag
 * @param tcsoReclassified set when a Trust Centre Swap Out re-classified the bridge (MP170 draft Modification Report section 7)
 * @param status new SMI Status
 */
public record DeviceUpdate(String manufacturer, String model, String firmwareVersion,
                           AltHanDeviceVariant altHanDeviceVariant, Boolean batteryPowered, Boolean tcsoReclassified,
                           SmiStatus status) {

    /** Whether no field is given. */
    public boolean isEmpty() {
        return manufacturer == null && model == null && firmwareVersion == null && altHanDeviceVariant == null
                && batteryPowered == null && tcsoReclassified == null && status == null;
    }
}
