package org.secflow.spi;

/**
 * Where a device is reached: its Communications Hub and the hub's region.
 *
 * @param commsHubId Device ID of the Communications Hub Function
 * @param region the hub's SM WAN region
 */
public record CommsHubRoute(DeviceId commsHubId, Region region) {
}
