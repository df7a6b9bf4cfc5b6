package org.secflow.spi;

/**
 * The Data Service Provider: takes Service Requests, routes commands to the CSP of the hub's region and relays
 * their progress (GBCS PPMID firmware flow, steps 1-4).
 */
public interface Dsp extends Provider {

    /**
     * Submits a request. Returns the acknowledgement at once; {@link DeviceEvent}s with the request id as
     * correlation id follow on {@code listener}.
     */
    ServiceRequestAck submit(ServiceRequest request, DeviceEventListener listener);

    /**
     * The caller gave up on request {@code requestId} (e.g. its device made no progress within the caller's
     * deadline): the DSP frees what it holds for it and cancels its commands at the CSP ({@link Csp#cancel}), so
     * that a device that never answers delays no other request. Events of the request may still arrive; the caller
     * ignores them. An unknown or finished request is ignored. Returns at once.
     *
     * <p>Default: nothing, so that a DSP built before this method keeps loading (its CSP slots then free at the CSP's
     * own timeout).
     */
    default void cancel(String requestId) {
    }
}
