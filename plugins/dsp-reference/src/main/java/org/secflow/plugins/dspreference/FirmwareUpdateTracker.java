package org.secflow.plugins.dspreference;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.GbcsAlert;

/**
 * The firmware updates in progress, one per device at most: "DCC Total Systems tracks the progress of the firmware
 * update request at a device level. If a firmware update request is already in progress for a given Alt HAN P2P
 * Device, any further firmware update requests will be blocked" (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1).
 *
 * <p>An update is in progress from {@link #tryStart} until {@link #finish} (its 0x8F89, 0x8F8B or FAILED, see
 * {@link #ends}) or until {@code updateTimeoutMs} has passed on the clock, whichever comes first: a device that
 * never answers blocks new updates only that long. Expiry is lazy, checked when the next update of the device
 * starts, so the tracker keeps no timer per device; nothing is reported when an update expires. Thread-safe.
 */
final class FirmwareUpdateTracker {
    /** An update in progress: its request and when it started (ms of the clock). */
    private record Running(String requestId, long startedAtMs) {
    }

    private final ConcurrentMap<DeviceId, Running> inProgress = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long updateTimeoutMs;

    /**
     * @param clock the host clock
     * @param updateTimeoutMs how long an update without a final event blocks the next, ms, at least 1
     */
    FirmwareUpdateTracker(Clock clock, long updateTimeoutMs) {
        if (updateTimeoutMs < 1) {
            throw new IllegalArgumentException("updateTimeoutMs must be at least 1, got " + updateTimeoutMs);
        }
        this.clock = clock;
        this.updateTimeoutMs = updateTimeoutMs;
    }

    /**
     * Starts tracking {@code requestId} for {@code device}, atomically; an update of the device older than the
     * timeout is forgotten first.
     *
     * @return empty when started; else the id of the request still in progress for the device
     */
    Optional<String> tryStart(DeviceId device, String requestId) {
        long now = clock.millis();
        Running mine = new Running(requestId, now);
        Running after = inProgress.compute(device, (d, running) ->
                running == null || now - running.startedAtMs() >= updateTimeoutMs ? mine : running);
        return after == mine ? Optional.empty() : Optional.of(after.requestId());
    }

    /** Stops tracking {@code requestId} for {@code device}; a later update of the device is left alone. */
    void finish(DeviceId device, String requestId) {
        inProgress.computeIfPresent(device, (d, running) -> running.requestId().equals(requestId) ? null : running);
    }

    /**
     * Whether {@code event} ends a firmware update: the device's 0x8F8B activation alert (either result), a 0x8F89
     * transfer failure, or the command failing on its way (GBCS PPMID firmware flow, steps 3 and 4).
     */
    static boolean ends(DeviceEvent event) {
        return event.stage() == DeviceEvent.Stage.FAILED
                || event.alert() == GbcsAlert.FIRMWARE_ACTIVATION
                || event.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE;
    }
}
