package org.secflow.plugin;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.secflow.spi.InventoryLookup;

/**
 * What the host lends every provider.
 *
 * @param scheduler shared scheduler for plugins' asynchronous work; the host shuts it down
 * @param clock the host clock
 * @param inventory SMI lookup for routing
 */
public record HostServices(ScheduledExecutorService scheduler, Clock clock, InventoryLookup inventory) {
}
