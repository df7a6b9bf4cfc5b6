package org.secflow.spi;

/**
 * Device types held in the Smart Metering Inventory (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). Alt HAN bridges are {@link #PPMID}s
 * told apart only by their {@link AltHanDeviceVariant} (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1).
 */
public enum DeviceType {
    /** Electricity Smart Metering Equipment. */
    ESME,
    /** Gas Smart Metering Equipment. */
    GSME,
    /** Gas Proxy Function of a Communications Hub. */
    GPF,
    /** Communications Hub Function. */
    CHF,
    /** In-Home Display (Type 2). */
    IHD,
    /** Consumer Access Device (Type 2). */
    CAD,
    /** Prepayment Meter Interface Device (Type 1); also every Alt HAN bridge. */
    PPMID,
    /** HAN Connected Auxiliary Load Control Switch (Type 1). */
    HCALCS,
    /**
     * Auxiliary Proportional Controller (Type 1), the target of SRV 6.14.3 Update Device Configuration (Auxiliary
     * Controller Scheduler), GBCS ECS46d (DUIS "Service Request matrix"). Since SPI 1.2.
     */
    APC;

    /** Whether the device counts toward a Communications Hub's limit of six Type 1 devices (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    public boolean isType1() {
        return this == PPMID || this == HCALCS || this == APC;
    }
}
