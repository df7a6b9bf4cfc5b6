package org.secflow.spi;

/**
 * Alt HAN Device Variant of a point-to-point Alt HAN bridge, held in the SMETS Variant attribute of a PPMID
 * (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1; MP170 draft Modification Report section 3). Given at pre-notification (SRV 12.2), updated by SRV 8.4, read by
 * SRV 8.2.
 */
public enum AltHanDeviceVariant {
    B1, B2, B3, B4
}
