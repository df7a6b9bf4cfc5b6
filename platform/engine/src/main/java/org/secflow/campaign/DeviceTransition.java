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
 */
record DeviceTransition(String deviceId, Set<DeviceState> from, DeviceState to, String reason, Instant notBefore,
                        String requestId, boolean retry, Instant at) {
}
