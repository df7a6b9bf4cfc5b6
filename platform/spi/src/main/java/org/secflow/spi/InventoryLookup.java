package org.secflow.spi;

import java.util.Optional;

/** Read access to the Smart Metering Inventory the host keeps, for routing. */
public interface InventoryLookup {

    /** The hub and region of a device, empty when the device is unknown or not yet on a HAN. */
    Optional<CommsHubRoute> route(DeviceId deviceId);

}
