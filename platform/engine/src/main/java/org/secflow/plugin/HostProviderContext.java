package org.secflow.plugin;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.CspDirectory;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.ProviderContext;

/** The {@link ProviderContext} the host hands a factory. */
record HostProviderContext(String providerId, Map<String, String> config, HostServices services, CspDirectory csps,
                           CommsHubNetwork commsHubNetwork) implements ProviderContext {

    HostProviderContext {
        config = Map.copyOf(config);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return services.scheduler();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public InventoryLookup inventory() {
        return services.inventory();
    }
}
