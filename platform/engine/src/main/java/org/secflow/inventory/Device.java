package org.secflow.inventory;

import java.time.Instant;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * A device as the Smart Metering Inventory holds it, with its premises (what SRV 8.2 Read Inventory returns).
 *
 * @param deviceId EUI-64, e.g. {@code 00-DB-12-34-56-78-90-A0}
 * @param deviceType device type; Alt HAN bridges are PPMIDs
 * @param altHanDeviceVariant B1-B4 for an Alt HAN bridge, else null (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)
 * @param manufacturer manufacturer
 * @param model model
 * @param firmwareVersion firmware version the SMI records (BR5, DCC Preliminary Impact Assessment for SECMP0170 section 3)
 * @param batteryPowered whether it runs on battery
 * @param tcsoReclassified whether Trust Centre Swap Out re-classified this bridge as an IHD (MP170 draft Modification Report section 7)
 * @param status SMI Status
 * @param commsHubId Device ID of its Communications Hub Function, null before it is on a HAN
 * @param region region of its hub, null without a hub
 * @param mpan MPAN core of its premises, or null
 * @param mprn MPRN of its premises, or null
 * @param importSupplier Registered Import Supplier party of the premises, or null
 * @param gasSupplier Registered Gas Supplier party of the premises, or null
 * @param exportMpan Export MPAN core of its premises, or null (the premises does not export)
 * @param exportSupplier Registered Export Supplier party of the premises (for its Export MPAN), or null
 * @param createdAt when it entered the SMI (UTC)
 * @param updatedAt when it last changed (UTC)
 */
public record Device(String deviceId, DeviceType deviceType, AltHanDeviceVariant altHanDeviceVariant,
                     String manufacturer, String model, String firmwareVersion, boolean batteryPowered,
                     boolean tcsoReclassified, SmiStatus status, String commsHubId, Region region, String mpan,
                     String mprn, String importSupplier, String gasSupplier, String exportMpan, String exportSupplier,
                     Instant createdAt, Instant updatedAt) {
}
