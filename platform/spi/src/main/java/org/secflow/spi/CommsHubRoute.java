package org.secflow.spi;

import java.util.Objects;

/**
 * Where a device is reached: its Communications Hub and the hub's region, and what the Smart Metering Inventory
 * holds the device to be.
 *
 * @param commsHubId Device ID of the Communications Hub Function
 * @param region the hub's SM WAN region
 * @param deviceType the device's type in the Smart Metering Inventory (Alt HAN bridges are PPMIDs), or null when the
 *     host does not say (SPI 1.0 and 1.1 hosts); since SPI 1.2
 */
public record CommsHubRoute(DeviceId commsHubId, Region region, DeviceType deviceType) {
    public CommsHubRoute {
        Objects.requireNonNull(commsHubId, "commsHubId");
        Objects.requireNonNull(region, "region");
    }

    /** A route that does not say the device's type (SPI 1.0). */
    public CommsHubRoute(DeviceId commsHubId, Region region) {
        this(commsHubId, region, null);
    }
}
