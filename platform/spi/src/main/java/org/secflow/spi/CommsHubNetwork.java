package org.secflow.spi;

/**
 * The Communications Hubs a CSP reaches over its SM WAN. The host implements it over the configured device
 * emulator and hands it to CSPs in {@link ProviderContext#commsHubNetwork()}.
 */
public interface CommsHubNetwork {

    /**
     * Hands a command to its Communications Hub. Returns at once; progress arrives on {@code listener}
     * ({@link DeviceEvent.Stage#DELIVERED_TO_HUB}, then alerts or a response, or {@link DeviceEvent.Stage#FAILED}).
     */
    void deliver(CommsHubCommand command, DeviceEventListener listener);
}
