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
}
