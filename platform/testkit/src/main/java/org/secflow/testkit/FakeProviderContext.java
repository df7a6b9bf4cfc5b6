package org.secflow.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.Csp;
import org.secflow.spi.CspDirectory;
import org.secflow.spi.DeviceId;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.ProviderContext;
import org.secflow.spi.Region;

/**
 * A hand-written {@link ProviderContext} for unit tests of plugins: a map for configuration, a real scheduler, a
 * map for the inventory, CSPs, hub network and
 * clock set by the test. Close it to stop the scheduler.
 */
public final class FakeProviderContext implements ProviderContext, AutoCloseable {
    private final String providerId;
    private final Map<String, String> config = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<DeviceId, CommsHubRoute> routes = new HashMap<>();
    private final Map<Region, Csp> csps = new EnumMap<>(Region.class);
    private Clock clock = Clock.systemUTC();
    private Path dataDirectory;
    private CommsHubNetwork network = (command, listener) -> {
        throw new IllegalStateException("no CommsHubNetwork set on this FakeProviderContext");
    };

    public FakeProviderContext(String providerId) {
        this.providerId = providerId;
    }

    /** Sets a configuration value; returns this. */
    public FakeProviderContext with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Adds a device to the fake inventory; returns this. */
    public FakeProviderContext withRoute(DeviceId device, CommsHubRoute route) {
        routes.put(device, route);
        return this;
    }

    /** Assigns a CSP to a region; returns this. */
    public FakeProviderContext withCsp(Region region, Csp csp) {
        csps.put(region, csp);
        return this;
    }

    /** Sets the host clock the provider sees (the system UTC clock unless set); returns this. */
    public FakeProviderContext withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Gives the provider a data folder of its own (none unless set); returns this. */
    public FakeProviderContext withDataDirectory(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        return this;
    }

    /** Sets the hub network CSPs deliver to; returns this. */
    public FakeProviderContext withNetwork(CommsHubNetwork network) {
        this.network = network;
        return this;
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public InventoryLookup inventory() {
        return device -> Optional.ofNullable(routes.get(device));
    }

    @Override
    public CspDirectory csps() {
        return region -> {
            Csp csp = csps.get(region);
            if (csp == null) {
                throw new IllegalStateException("no CSP serves " + region);
            }
            return csp;
        };
    }

    @Override
    public CommsHubNetwork commsHubNetwork() {
        return network;
    }

    @Override
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
