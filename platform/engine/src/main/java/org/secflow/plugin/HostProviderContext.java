package org.secflow.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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

    /** {@code <pluginData>/<providerId>}, created on first call; empty when the host keeps no data folder. */
    @Override
    public Optional<Path> dataDirectory() {
        if (services.pluginData() == null) {
            return Optional.empty();
        }
        Path dir = services.pluginData().resolve(providerId);
        try {
            return Optional.of(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder of provider " + providerId, e);
        }
    }
}
