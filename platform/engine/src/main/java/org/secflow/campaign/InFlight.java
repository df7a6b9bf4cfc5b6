package org.secflow.campaign;

import java.time.Instant;

/**
 * A device of a running wave with a Service Request out (an SRV 11.2 battery or version read, or SRV 11.4), as the
 * sending loop holds it. Changed only on the loop's thread.
 */
final class InFlight {
    /** What the Service Request out is for. */
    enum Step { BATTERY_CHECK, UPDATE, VERSION_READ }

    final CampaignDevice device;
    DeviceState state;
    Step step;
    String requestId;
    Instant lastProgress;
    /** SRV 11.2 reads sent again for this device (a failed read, or the old version before the activation). */
    int rereads;

    InFlight(CampaignDevice device, DeviceState state, Step step, Instant at) {
        this.device = device;
        this.state = state;
        this.step = step;
        this.lastProgress = at;
    }

    String deviceId() {
        return device.deviceId();
    }
}
