package org.secflow.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;

/**
 * What a device event means for a device of a running wave, and what no event for too long means: the moves of
 * {@link DeviceMove} it makes and what the sending loop does next. SRV 11.4: 0x8F8A TRANSFERRED; 0x8F8B result 0
 * ACTIVATED, then the version is read (SRV 11.2) and CONFIRMED when it is the image's (the SMI updated in the same
 * transaction, BR5-BR7), ACTIVATION_FAILED when it is another; 0x8F89 and CSP/DSP failures retry with back-off while
 * retryable and attempts remain (only before a delivery is recorded), else DELIVERY_FAILED. A battery-powered bridge
 * is read first and not sent while its battery is low (BR10). No progress within the device timeout is TIMED_OUT.
 * Holds no state of its own; runs on the loop's thread.
 */
final class DeviceProgress {
    private static final Set<String> RETRYABLE = Set.of("FILE_TRANSFER_FAILURE", "BATTERY_LOW");
    /** SRV 11.2 reads sent again per device in flight at most (see {@link #rereadLater}). */
    private static final int MAX_REREADS = 3;
    private static final long MIN_REREAD_MS = 500;

    /** What the sending loop does for the progress (each called after the batch's changes are written). */
    interface Loop {
        /** The device is no longer in flight (called at once). */
        void finish(InFlight f);

        /** Frees the device's HAN. */
        void release(CampaignDevice d);

        /** Sends the device again at {@code notBefore}. */
        void retryAt(Instant notBefore, CampaignDevice d);

        /** Reads the device's version again at {@code at}. */
        void rereadAt(Instant at, InFlight f);

        /** Reads the device's version now (SRV 11.2). */
        void readVersion(InFlight f);

        /** Tells the DSP the request is given up, so that the CSP frees what it holds for it. */
        void cancel(String requestId);

        /** The battery read was fine: send SRV 11.4 now, the device's HAN still taken. */
        void sendAfterBatteryRead(CampaignDevice d, Instant now);
    }

    private final CampaignDefinition def;
    private final FirmwareImage image;
    private final Loop loop;

    DeviceProgress(CampaignDefinition def, FirmwareImage image, Loop loop) {
        this.def = def;
        this.image = image;
        this.loop = loop;
    }

    /**
     * Turns one event of a device in flight into changes ({@code out}), actions after they are written
     * ({@code after}) and devices CONFIRMED ({@code confirmed}).
     */
    void onEvent(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after,
                 List<String> confirmed) {
        f.lastProgress = now;
        switch (f.step) {
            case BATTERY_CHECK -> batteryChecked(f, e, now, out, after);
            case UPDATE -> updateProgress(f, e, now, out, after);
            case VERSION_READ -> versionRead(f, e, now, out, after, confirmed);
        }
    }

    /**
     * The device made no progress within the device timeout, if so: its request is cancelled at the DSP, a battery
     * read is retried, else TIMED_OUT.
     */
    void timeOutIfDue(InFlight f, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        if (Duration.between(f.lastProgress, now).toMillis() < def.deviceTimeoutMs()) {
            return;
        }
        String givenUp = f.requestId;
        after.add(() -> loop.cancel(givenUp)); // a device that never answers holds no CSP slot
        if (f.step == InFlight.Step.BATTERY_CHECK) {
            retryOrGiveUp(f, now, "no answer to the battery read", out, after);
        } else {
            finalState(f, DeviceMove.TIME_OUT, "no progress for " + def.deviceTimeoutMs() + " ms (last state "
                    + f.state + ")", now, out, after);
        }
    }

    private void batteryChecked(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        if (e.stage() == DeviceEvent.Stage.DEVICE_RESPONSE) {
            if ("true".equalsIgnoreCase(e.data().get("batteryLow"))) {
                retryOrGiveUp(f, now, "battery reported low (BR10)", out, after);
            } else {
                loop.finish(f);
                after.add(() -> loop.sendAfterBatteryRead(f.device, now)); // its HAN stays taken
            }
        } else if (e.stage() == DeviceEvent.Stage.FAILED) {
            retryOrGiveUp(f, now, "battery could not be read: " + e.data().get("reason"), out, after);
        }
    }

    private void updateProgress(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        String id = f.device.deviceId();
        switch (e.stage()) {
            case ACCEPTED_BY_CSP, DELIVERED_TO_HUB, DEVICE_RESPONSE -> {
                // progress only: the timeout restarts
            }
            case FAILED -> retryOrGiveUp(f, now, "not delivered: " + e.data().get("reason"), out, after);
            case DEVICE_ALERT -> {
                GbcsAlert a = e.alert();
                if (a == GbcsAlert.FIRMWARE_TRANSFER_SUCCESS && f.state == DeviceState.SENT) {
                    out.add(new DeviceTransition(DeviceMove.TRANSFERRED, id, null, null, null, false, now));
                    f.state = DeviceState.DELIVERED;
                } else if (a == GbcsAlert.FIRMWARE_TRANSFER_FAILURE) {
                    String reason = e.data().getOrDefault("reason", "unknown");
                    if (RETRYABLE.contains(reason)) {
                        retryOrGiveUp(f, now, "0x8F89 " + reason, out, after);
                    } else {
                        finalState(f, DeviceMove.DELIVERY_FAILURE, "0x8F89 " + reason, now, out, after);
                    }
                } else if (a == GbcsAlert.FIRMWARE_ACTIVATION) {
                    if ("0".equals(e.data().get("result"))) {
                        out.add(new DeviceTransition(DeviceMove.ACTIVATED, id,
                                e.data().containsKey("dccAlert") ? "DCC Alert " + e.data().get("dccAlert") : null, null, null, false, now));
                        f.state = DeviceState.ACTIVATED;
                        f.step = InFlight.Step.VERSION_READ;
                        after.add(() -> loop.readVersion(f));
                    } else {
                        finalState(f, DeviceMove.ACTIVATION_FAILURE, "0x8F8B result " + e.data().get("result"), now, out, after);
                    }
                }
            }
        }
    }

    private void versionRead(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after,
                             List<String> confirmed) {
        if (e.stage() == DeviceEvent.Stage.FAILED) {
            rereadLater(f, now, after); // a failed read says nothing of the device: read again
            return;
        }
        if (e.stage() != DeviceEvent.Stage.DEVICE_RESPONSE) {
            return;
        }
        String version = e.data().get("firmwareVersion");
        if (image.version().equals(version)) {
            finalState(f, DeviceMove.CONFIRM, null, now, out, after);
            confirmed.add(f.device.deviceId());
        } else if (f.state == DeviceState.ACTIVATED) {
            finalState(f, DeviceMove.ACTIVATION_FAILURE, "SRV 11.2 read version " + version + ", expected " + image.version(),
                    now, out, after);
        } else {
            // DELIVERED (recovered after a restart) and not yet the new version: the device activates at its own
            // time and its 0x8F8B may have gone to the process that died; read again before the timeout
            rereadLater(f, now, after);
        }
    }

    /**
     * Sends the device's SRV 11.2 read again after a quarter of the device timeout (at least {@value #MIN_REREAD_MS} ms),
     * at most {@link #MAX_REREADS} times; after that the device is left to its timeout.
     */
    private void rereadLater(InFlight f, Instant now, List<Runnable> after) {
        if (f.rereads >= MAX_REREADS) {
            return;
        }
        f.rereads++;
        Instant at = now.plusMillis(Math.max(MIN_REREAD_MS, def.deviceTimeoutMs() / 4));
        after.add(() -> loop.rereadAt(at, f));
    }

    private void finalState(InFlight f, DeviceMove move, String reason, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        out.add(new DeviceTransition(move, f.device.deviceId(), reason, null, null, false, now));
        loop.finish(f);
        after.add(() -> loop.release(f.device));
    }

    private void retryOrGiveUp(InFlight f, Instant now, String reason, List<DeviceTransition> out, List<Runnable> after) {
        boolean battery = f.step == InFlight.Step.BATTERY_CHECK;
        loop.finish(f);
        // once a delivery is recorded the device is never sent again: only SCHEDULED (battery read) or SENT retry
        boolean mayRetry = f.state == DeviceState.SCHEDULED || f.state == DeviceState.SENT;
        if (mayRetry && f.device.attempts() < def.maxRetries()) {
            Instant notBefore = now.plusMillis(def.retryBackoffMs() << Math.min(f.device.attempts(), 20));
            out.add(new DeviceTransition(battery ? DeviceMove.BATTERY_RECHECK : DeviceMove.RETRY, f.device.deviceId(),
                    reason + "; retry " + (f.device.attempts() + 1) + " of " + def.maxRetries(), notBefore, null, true, now));
            CampaignDevice next = f.device.nextAttempt();
            after.add(() -> {
                loop.release(f.device);
                loop.retryAt(notBefore, next);
            });
        } else {
            out.add(new DeviceTransition(battery ? DeviceMove.BATTERY_GIVE_UP : DeviceMove.DELIVERY_FAILURE,
                    f.device.deviceId(), reason + (def.maxRetries() > 0 ? " (after " + def.maxRetries() + " retries)" : ""),
                    null, null, false, now));
            after.add(() -> loop.release(f.device));
        }
    }
}
