package org.secflow.spi;

/** A Communications Service Provider: carries commands over the SM WAN of its regions (DOMAIN.md section 1). */
public interface Csp extends Provider {

    /**
     * Accepts a command for a Communications Hub of a region this CSP serves. Returns at once, so that a CSP with
     * real latency fits; progress ({@link DeviceEvent.Stage#ACCEPTED_BY_CSP}, delivery, device alerts, failure)
     * arrives on {@code listener} from the CSP's threads.
     */
    void send(CommsHubCommand command, DeviceEventListener listener);

    /**
     * The DSP gave up on command {@code commandId}: the CSP frees the capacity it holds for it (a concurrency slot,
     * a place in its queue) at once instead of at its own timeout, and may end it with
     * {@link DeviceEvent.Stage#FAILED}. An unknown or finished command is ignored. Returns at once.
     *
     * <p>Default: nothing, so that a CSP built before this method keeps loading.
     */
    default void cancel(String commandId) {
    }
}
