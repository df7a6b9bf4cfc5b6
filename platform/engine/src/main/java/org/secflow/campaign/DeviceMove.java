package org.secflow.campaign;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every move a device of a firmware campaign may make: from one of {@link #from()}, on the event the constant names,
 * to {@link #to()}. The one place the campaign's device state machine is declared (as hawkBit declares its action
 * states with their allowed moves); {@link CampaignStore} writes a {@code campaign_device} row only through a move
 * of this list, applied only while the row is in one of the move's from states, and refuses anything else with an
 * {@link IllegalStateException}. Alerts are those of the GBCS firmware flow (0x8F8A, 0x8F89, 0x8F8B; DCC Alert N39),
 * the version read is SRV 11.2 Read Firmware Version (DUIS, Service Request matrix).
 */
enum DeviceMove {
    /** Eligibility passed: waits for its wave. */
    ELIGIBLE(EnumSet.of(DeviceState.PENDING), DeviceState.SCHEDULED),
    /** Eligibility failed (a rule, the upgrade pathway, already on the image, in another running campaign). */
    INELIGIBLE(EnumSet.of(DeviceState.PENDING), DeviceState.SKIPPED),
    /** SRV 11.4 recorded as handed to the DSP (written before it is handed over). */
    SEND(EnumSet.of(DeviceState.SCHEDULED), DeviceState.SENT),
    /** A battery-powered bridge read low (or not read): tried again later (BR10). */
    BATTERY_RECHECK(EnumSet.of(DeviceState.SCHEDULED), DeviceState.SCHEDULED),
    /** A battery-powered bridge still low after the retries allowed: never sent (BR10). */
    BATTERY_GIVE_UP(EnumSet.of(DeviceState.SCHEDULED), DeviceState.SKIPPED),
    /** A retryable failure before the delivery was recorded (0x8F89 FILE_TRANSFER_FAILURE or BATTERY_LOW, SM WAN). */
    RETRY(EnumSet.of(DeviceState.SENT), DeviceState.SCHEDULED),
    /** A restart found the device sent without a recorded delivery: sending it again is safe. */
    RESEND_AFTER_RESTART(EnumSet.of(DeviceState.SENT), DeviceState.SCHEDULED),
    /** Alert 0x8F8A Firmware Transfer Success. */
    TRANSFERRED(EnumSet.of(DeviceState.SENT), DeviceState.DELIVERED),
    /** Alert 0x8F8B with result 0 (DCC Alert N39). */
    ACTIVATED(EnumSet.of(DeviceState.SENT, DeviceState.DELIVERED), DeviceState.ACTIVATED),
    /** 0x8F89 not retryable, a command failure past the retries. */
    DELIVERY_FAILURE(DeviceState.IN_FLIGHT, DeviceState.DELIVERY_FAILED),
    /** 0x8F8B with a non-zero result, or SRV 11.2 read another version after the activation. */
    ACTIVATION_FAILURE(DeviceState.IN_FLIGHT, DeviceState.ACTIVATION_FAILED),
    /** SRV 11.2 read the image's version; the SMI holds it in the same transaction (BR5-BR7). */
    CONFIRM(DeviceState.IN_FLIGHT, DeviceState.CONFIRMED),
    /** No progress within the campaign's device timeout. */
    TIME_OUT(DeviceState.IN_FLIGHT, DeviceState.TIMED_OUT),
    /** The campaign was cancelled before the device was sent. */
    CANCEL_UNSENT(EnumSet.of(DeviceState.PENDING, DeviceState.SCHEDULED), DeviceState.CANCELLED);

    private final Set<DeviceState> from;
    private final DeviceState to;

    DeviceMove(Set<DeviceState> from, DeviceState to) {
        this.from = EnumSet.copyOf(from);
        this.to = to;
    }

    /** The states the move applies in (at most three). */
    Set<DeviceState> from() {
        return EnumSet.copyOf(from);
    }

    DeviceState to() {
        return to;
    }

    /**
     * Where {@code moves}, made one after another, lead from {@code start}; null when one of them does not apply
     * where the device then is. A change folded from several (SENT to CONFIRMED through DELIVERED and ACTIVATED in
     * one write) is allowed exactly when every state it is applied in leads to its end this way.
     */
    static DeviceState follow(DeviceState start, List<DeviceMove> moves) {
        DeviceState at = start;
        for (DeviceMove m : moves) {
            if (!m.from.contains(at)) {
                return null;
            }
            at = m.to;
        }
        return at;
    }
}
