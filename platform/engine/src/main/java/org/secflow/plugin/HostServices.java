package org.secflow.plugin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.secflow.spi.InventoryLookup;

/**
 * What the host lends every provider.
 *
 * @param scheduler shared scheduler for plugins' asynchronous work; the host shuts it down
 * @param clock the host clock
 * @param inventory SMI lookup for routing
 * @param pluginData folder under which each provider gets a data folder of its own ({@code <pluginData>/<id>}),
 *     or null when the host keeps no data (providers then keep their state in memory)
 */
public record HostServices(ScheduledExecutorService scheduler, Clock clock, InventoryLookup inventory, Path pluginData) {

    /** Services without a data folder. */
    public HostServices(ScheduledExecutorService scheduler, Clock clock, InventoryLookup inventory) {
        this(scheduler, clock, inventory, null);
    }
}
