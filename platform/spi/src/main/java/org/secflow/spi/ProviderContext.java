package org.secflow.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** What the host hands a {@link ProviderFactory} when it creates a provider. */
public interface ProviderContext {

    /** The id of the factory being created. */
    String providerId();

    /**
     * The provider's configuration: the keys under {@code plugins.config.<id>} of the host configuration,
     * values as strings.
     */
    Map<String, String> config();

    /** One configuration value, or {@code defaultValue} when absent. */
    default String config(String key, String defaultValue) {
        return config().getOrDefault(key, defaultValue);
    }

    /** The host's scheduler for asynchronous work and simulated latency; shut down by the host. */
    ScheduledExecutorService scheduler();

    /** The host's clock; use it for event times. */
    Clock clock();

    /** The Smart Metering Inventory, for routing (used by a DSP). */
    InventoryLookup inventory();

    /** The CSPs by region (used by a DSP). */
    CspDirectory csps();

    /** The Communications Hubs (used by a CSP). */
    CommsHubNetwork commsHubNetwork();

    /**
     * A folder of this provider's own under the host's data folder ({@code <data>/plugins/<providerId>}), created by
     * the host, for state that must outlive a restart (e.g. the device emulator's device state). Empty when the host
     * keeps no data folder; the provider then keeps its state in memory only. Since SPI 1.2.
     */
    default Optional<Path> dataDirectory() {
        return Optional.empty();
    }
}
