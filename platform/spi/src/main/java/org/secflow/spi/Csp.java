package org.secflow.spi;

import java.util.Optional;

/** A Communications Service Provider: carries commands over the SM WAN of its regions (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 and 4.1.1.3). */
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

    /**
     * The WAN Variant this CSP reports for the location of a Communications Hub in SRV 12.1 Request WAN Matrix (SEC
     * Appendix I CHISM Annex E Table 3), verbatim: the CSP North's {@code 420} or {@code 450}, the CSP Central and
     * South's {@code Cellular} or {@code Cellular+Mesh}, or {@code " "} (a space) when Central and South cannot
     * confirm it, which Users read as Unknown (MP106 "CHISM update for Unknown WAN Variant"). Empty when the CSP does
     * not say. Since SPI 1.2.
     */
    default Optional<String> wanVariant(DeviceId commsHubId) {
        return Optional.empty();
    }
}
