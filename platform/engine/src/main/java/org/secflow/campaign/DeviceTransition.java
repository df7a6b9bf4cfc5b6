package org.secflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One change of a device's state, made of one or more {@link DeviceMove}s of the device state machine, applied only
 * when the device is in one of {@code from} (so a repeated callback, e.g. a second 0x8F8B, changes nothing and
 * counts nothing).
 *
 * @param deviceId the device
 * @param moves the moves, in order (more than one when changes of the device were folded into one write)
 * @param from states the change applies to: the first move's from states
 * @param to the new state: the last move's
 * @param reason why, or null
 * @param notBefore for a retry, when it may be sent again; else null
 * @param requestId the Service Request now carrying the device, or null to keep the current one
 * @param retry whether this counts as one more attempt (a resend or a battery re-check)
 * @param at when
 * @param delivered whether the device passed DELIVERED on the way (sets its delivery time once)
 */
record DeviceTransition(String deviceId, List<DeviceMove> moves, Set<DeviceState> from, DeviceState to, String reason,
                        Instant notBefore, String requestId, boolean retry, Instant at, boolean delivered) {

    DeviceTransition {
        moves = List.copyOf(moves);
        from = Set.copyOf(from);
        if (moves.isEmpty()) {
            throw new IllegalArgumentException("a change of device " + deviceId + " makes at least one move");
        }
    }

    /** One move of {@code deviceId}, from every state the move applies in. */
    DeviceTransition(DeviceMove move, String deviceId, String reason, Instant notBefore, String requestId, boolean retry,
                     Instant at) {
        this(deviceId, List.of(move), move.from(), move.to(), reason, notBefore, requestId, retry, at,
                move.to() == DeviceState.DELIVERED);
    }

    /** Whether every state this change applies in leads to {@link #to} through its moves. */
    boolean allowed() {
        for (DeviceState s : from) {
            if (DeviceMove.follow(s, moves) != to) {
                return false;
            }
        }
        return true;
    }

    /**
     * This change followed by {@code next} of the same device as one change (from this one's states to the
     * next one's), when {@code next} applies to where this one leads; else null. Fewer writes, same end state.
     */
    DeviceTransition then(DeviceTransition next) {
        if (!next.from().contains(to)) {
            return null;
        }
        List<DeviceMove> all = new ArrayList<>(moves);
        all.addAll(next.moves());
        // only the states from which the whole chain leads to next's end (e.g. ACTIVATED's SENT-or-DELIVERED
        // after TRANSFERRED's SENT is SENT)
        Set<DeviceState> starts = EnumSet.noneOf(DeviceState.class);
        for (DeviceState s : from) {
            if (DeviceMove.follow(s, all) == next.to()) {
                starts.add(s);
            }
        }
        return new DeviceTransition(deviceId, all, starts, next.to(), next.reason() != null ? next.reason() : reason,
                next.notBefore(), next.requestId() != null ? next.requestId() : requestId, retry || next.retry(), next.at(),
                delivered || next.delivered());
    }
}
