package org.secflow.spi;

import java.util.List;

/**
 * Entry point of a secflow plugin, found with {@link java.util.ServiceLoader} in the plugin's own folder
 * ({@code META-INF/services/org.secflow.spi.Plugin}).
 *
 * <p>Every extension point has a default returning an empty list, so a new kind of extension never breaks an
 * old plugin. A plugin folder whose jars declare no {@code Plugin} is refused.
 */
public interface Plugin {

    /** Stable id of the plugin, e.g. {@code csp-north}; lower case, digits and hyphens. */
    String id();

    /** The plugin's own version, e.g. {@code 1.2.0}. */
    String version();

    /**
     * The SPI version this plugin was compiled against. Implement as {@code return SpiVersion.CURRENT;} so that the
     * constant is inlined at build time; see {@link SpiVersion}.
     */
    String spiVersion();

    /** Data Service Provider implementations offered by this plugin. */
    default List<DspFactory> dspFactories() {
        return List.of();
    }

    /** Communications Service Provider implementations offered by this plugin. */
    default List<CspFactory> cspFactories() {
        return List.of();
    }

    /** Device emulators (a HAN estate of Communications Hubs and devices) offered by this plugin. */
    default List<DeviceEmulatorFactory> deviceEmulatorFactories() {
        return List.of();
    }
}
