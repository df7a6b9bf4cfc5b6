package org.secflow.spi;

/** Receives {@link DeviceEvent}s. Called from the provider's threads; implementations must be thread-safe and quick. */
@FunctionalInterface
public interface DeviceEventListener {
    void onEvent(DeviceEvent event);
}
