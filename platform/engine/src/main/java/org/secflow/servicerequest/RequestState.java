package org.secflow.servicerequest;

import java.util.Set;

/**
 * State of a Service Request for one device (and, aggregated, of the request). Firmware (SRV 11.4) follows the
 * GBCS alerts: 0x8F8A transfer, 0x8F89 transfer failure, 0x8F8B activation (GBCS PPMID firmware flow).
 */
public enum RequestState {
    ACCEPTED, SENT, DELIVERED_TO_HUB, DELIVERED, DELIVERY_FAILED, ACTIVATED, ACTIVATION_FAILED, COMPLETED, FAILED;

    private static final Set<RequestState> TERMINAL = Set.of(DELIVERY_FAILED, ACTIVATED, ACTIVATION_FAILED, COMPLETED, FAILED);

    /** Whether nothing more happens to the device's request. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** States of a firmware update still in progress (a further SRV 11.4 is blocked, DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    public static final Set<String> IN_PROGRESS = Set.of(ACCEPTED.name(), SENT.name(), DELIVERED_TO_HUB.name(), DELIVERED.name());
}
