package org.secflow.spi;

/** Factory of a device emulator; selected by {@code plugins.deviceEmulator} in the configuration. */
public interface DeviceEmulatorFactory extends ProviderFactory<DeviceEmulator> {
}
