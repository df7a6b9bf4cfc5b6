package org.secflow.campaign;

import java.time.Instant;
import java.util.Set;

/**
 * One change of a device's state, applied only when the device is in one of {@code from} (so a repeated callback,
 * e.g. a second 0x8F8B, changes nothing and counts nothing).
 *
 * @param deviceId the device
 * @param from states the change applies to
 * @param to the new state
 * @param reason why, or null
 * @param notBefore for a retry, when it may be sent again; else null
 * @param requestId the Service Request now carrying the device, or null to keep the current one
 * @param retry whether this counts as one more attempt (a resend or a battery re-check)
 * @param at when
 * @param delivered whether the device passed DELIVERED on the way (sets its delivery time once)
 */
record DeviceTransition(String deviceId, Set<DeviceState> from, DeviceState to, String reason, Instant notBefore,
                        String requestId, boolean retry, Instant at, boolean delivered) {

    DeviceTransition(String deviceId, Set<DeviceState> from, DeviceState to, String reason, Instant notBefore,
                     String requestId, boolean retry, Instant at) {
        this(deviceId, from, to, reason, notBefore, requestId, retry, at, to == DeviceState.DELIVERED);
    }

    /**
     * This change followed by {@code next} of the same device as one change (from this one's states to the
     * next one's), when {@code next} applies to where this one leads; else null. Fewer writes, same end state.
     */
    DeviceTransition then(DeviceTransition next) {
        if (!next.from().contains(to)) {
            return null;
        }
        return new DeviceTransition(deviceId, from, next.to(), next.reason() != null ? next.reason() : reason,
                next.notBefore(), next.requestId() != null ? next.requestId() : requestId, retry || next.retry(), next.at(),
                delivered || next.delivered());
    }
}
