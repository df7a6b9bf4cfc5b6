package org.secflow.plugins.emulator;

import java.util.List;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.Plugin;
import org.secflow.spi.SpiVersion;

/**
 * The {@code device-emulator} plugin: offers one {@link DeviceEmulatorFactory}, {@link HanEmulatorFactory}.
 * Registered in {@code META-INF/services/org.secflow.spi.Plugin}; JDK only, no private dependencies.
 */
public final class DeviceEmulatorPlugin implements Plugin {

    @Override
    public String id() {
        return "device-emulator";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<DeviceEmulatorFactory> deviceEmulatorFactories() {
        return List.of(new HanEmulatorFactory());
    }
}
