package org.secflow.spi;

/** A Communications Service Provider: carries commands over the SM WAN of its regions (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 and 4.1.1.3). */
public interface Csp extends Provider {

    /**
     * Accepts a command for a Communications Hub of a region this CSP serves. Returns at once, so that a CSP with
     * real latency fits; progress ({@link DeviceEvent.Stage#ACCEPTED_BY_CSP}, delivery, device alerts, failure)
     * arrives on {@code listener} from the CSP's threads.
     */
    void send(CommsHubCommand command, DeviceEventListener listener);
}
