package org.secflow.plugins.emulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers commands as the Communications Hub and its HAN devices would (GBCS PPMID firmware flow, steps 2-5;
 * DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1; GBCS CCS08 and CS09 payloads). Runs on the host's
 * scheduler with event times from the host's clock. Times below are emulated milliseconds; each is divided by
 * {@code timeScale} to give host time ({@link ResponseSettings}).
 *
 * <ul>
 *   <li>{@value #CS05C} (firmware image to a PPMID or Alt HAN bridge): after {@code latencyMs},
 *       {@code DELIVERED_TO_HUB}. Then, after {@code transferTimeMs}, one of:
 *     <ul>
 *       <li>alert 0x8F89 FIRMWARE_TRANSFER_FAILURE with {@code reason} and {@code result} (the CCS08 response code),
 *           the first cause that applies: {@value #IMAGE_DISCARDED} / 1 (the bridge was re-classified as an IHD by
 *           a Trust Centre Swap Out, MP170 draft Modification Report section 7; fixed by the device), {@value #HARDWARE_VERSION_MISMATCH}
 *           / 2 (the image is for another model; fixed by the device), {@value #BATTERY_LOW} / 1 (a battery-powered
 *           bridge whose battery is low when the command reaches the hub discards the image), or
 *           {@value #FILE_TRANSFER_FAILURE} / 3 (at {@code fileTransferFailureRate});</li>
 *       <li>nothing ever, at {@code noAnswerRate}: the device never answers (no alert follows
 *           {@code DELIVERED_TO_HUB});</li>
 *       <li>else alert 0x8F8A FIRMWARE_TRANSFER_SUCCESS and, after {@code activationTimeMs}, 0x8F8B
 *           FIRMWARE_ACTIVATION (CS09) with {@code firmwareVersion} and {@code result}: {@code 0} and the image's
 *           version, from then on reported by the device; or, at {@code activationFailureRate}, {@code 1} and the
 *           version the device keeps running (its old one).</li>
 *     </ul></li>
 *   <li>{@value #CS08} (read PPMID firmware version): after {@code latencyMs} {@code DELIVERED_TO_HUB}, after
 *       {@code latencyMs} more {@code DEVICE_RESPONSE} with {@code firmwareVersion} and, for a battery-powered
 *       device only, {@value #BATTERY_LOW_KEY} {@code "true"} or {@code "false"} (its battery at that moment).</li>
 *   <li>Anything else, a target that is no PPMID, a device on another hub's HAN or a CS05c without image:
 *       {@code FAILED} with {@code reason}.</li>
 * </ul>
 *
 * <p>Determinism: every rate is drawn from the command id and the device (independent draws per cause), so a run
 * repeats exactly. Low battery is drawn from the device and the period of {@code lowBatteryPeriodMs} emulated time
 * the host clock is in, so it comes and goes: a bridge low now is likely fine a few periods later, and the same
 * clock gives the same answer.
 *
 * <p>Scheduling: {@link #deliver} never calls the listener itself; the first step always runs as a task on the
 * host's scheduler (even at {@code latencyMs} 0), so a caller holding a lock while it delivers cannot deadlock on
 * its own listener. One task object per command walks the steps; a step whose delay is 0 runs at once in the same
 * task instead of going back through the scheduler's queue, so with all delays 0 a command costs one scheduled
 * task and its events follow as fast as the listener takes them. Thread-safe; the steps of one command run one
 * after another, never concurrently.
 */
final class HubCommandResponder {
    static final String CS05C = "CS05c";
    static final String CS08 = "CS08";
    static final String IMAGE_DISCARDED = "IMAGE_DISCARDED";
    static final String HARDWARE_VERSION_MISMATCH = "HARDWARE_VERSION_MISMATCH";
    static final String FILE_TRANSFER_FAILURE = "FILE_TRANSFER_FAILURE";
    static final String BATTERY_LOW = "BATTERY_LOW";
    /** Data key of a CS08 response from a battery-powered device: {@code "true"} or {@code "false"}. */
    static final String BATTERY_LOW_KEY = "batteryLow";

    private static final long NO_ANSWER_SALT = 0x4E4F_414E_5357_4552L;
    private static final long ACTIVATION_SALT = 0x4143_5449_5641_5445L;
    private static final long BATTERY_SALT = 0x4241_5454_4552_5921L;
    private static final Logger LOG = LoggerFactory.getLogger(HubCommandResponder.class);

    private final HanRegistry han;
    private final ResponseSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    HubCommandResponder(HanRegistry han, ResponseSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.han = han;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Hands the command to the hub after {@code latencyMs}, always on the scheduler; never blocks. */
    void deliver(CommsHubCommand command, DeviceEventListener listener) {
        new Exchange(command, listener).schedule(settings.hostNanos(settings.latencyMs()));
    }

    /** Reports a failure at once, on the caller's thread. */
    void fail(CommsHubCommand command, DeviceEventListener listener, String reason) {
        emit(listener, event(command, Stage.FAILED, null, Map.of("reason", reason)));
    }

    /** Whether a battery-powered device's battery is low at host time {@code hostEpochMs}; false for others. */
    boolean batteryLow(HanDevice device, long hostEpochMs) {
        if (!device.batteryPowered() || settings.lowBatteryRate() == 0) {
            return false;
        }
        long period = settings.batteryPeriod(hostEpochMs);
        return DeviceIdentity.unit(DeviceIdentity.mix(device.id() ^ BATTERY_SALT ^ DeviceIdentity.mix(period)))
                < settings.lowBatteryRate();
    }

    /** A uniform number in [0, 1) fixed by the command id and the device (SplitMix64 finaliser). */
    static double draw(String commandId, long deviceId) {
        return DeviceIdentity.unit(DeviceIdentity.mix(deviceId ^ ((long) commandId.hashCode() << 32) ^ 0x9E3779B97F4A7C15L));
    }

    /** The EUI-64 of a Device ID as a number. */
    static long eui64(DeviceId id) {
        String v = id.value();
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '-') {
                n = (n << 4) | Character.digit(c, 16);
            }
        }
        return n;
    }

    /** The steps of one command, run by the scheduler; one object per command. */
    private final class Exchange implements Runnable {
        private static final int ARRIVE = 0;
        private static final int TRANSFER = 1;
        private static final int ACTIVATE = 2;
        private static final int RESPOND = 3;
        private static final long DONE = -1;

        private final CommsHubCommand command;
        private final DeviceEventListener listener;
        private int step = ARRIVE;
        private HanDevice device;
        private String failure;
        private boolean activationFails;

        Exchange(CommsHubCommand command, DeviceEventListener listener) {
            this.command = command;
            this.listener = listener;
        }

        void schedule(long delayNanos) {
            try {
                if (delayNanos == 0) {
                    scheduler.execute(this);
                } else {
                    scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException e) {
                fail(command, listener, "device emulator stopped: the host scheduler refused the command");
            }
        }

        @Override
        public void run() {
            try {
                long next;
                do {
                    next = step();
                } while (next == 0);
                if (next > 0) {
                    schedule(next);
                }
            } catch (RuntimeException e) {
                LOG.warn("emulating command {} for {} failed", command.commandId(), command.deviceId(), e);
                fail(command, listener, "device emulator error: " + e);
            }
        }

        /** Runs the current step; returns host nanoseconds to the next, 0 for at once, or {@link #DONE}. */
        private long step() {
            switch (step) {
                case ARRIVE:
                    return arrive();
                case TRANSFER:
                    if (failure != null) {
                        emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_TRANSFER_FAILURE,
                                Map.of("reason", failure, "result", transferResult(failure))));
                        return DONE;
                    }
                    emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of()));
                    step = ACTIVATE;
                    return settings.hostNanos(settings.activationTimeMs());
                case ACTIVATE:
                    activate();
                    return DONE;
                case RESPOND:
                    respond();
                    return DONE;
                default:
                    throw new IllegalStateException("no step " + step);
            }
        }

        private long arrive() {
            String useCase = command.gbcsUseCase();
            if (CS05C.equalsIgnoreCase(useCase)) {
                FirmwareImage image = command.firmwareImage();
                if (image == null) {
                    fail(command, listener, CS05C + " for " + command.deviceId() + " carries no firmware image");
                    return DONE;
                }
                if (!findPpmid()) {
                    return DONE;
                }
                emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
                failure = transferFailure(image);
                if (failure == null && draw(command.commandId(), device.id() ^ NO_ANSWER_SALT) < settings.noAnswerRate()) {
                    return DONE;
                }
                activationFails = failure == null
                        && draw(command.commandId(), device.id() ^ ACTIVATION_SALT) < settings.activationFailureRate();
                step = TRANSFER;
                return settings.hostNanos(settings.transferTimeMs());
            }
            if (CS08.equalsIgnoreCase(useCase)) {
                if (!findPpmid()) {
                    return DONE;
                }
                emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
                step = RESPOND;
                return settings.hostNanos(settings.latencyMs());
            }
            fail(command, listener, "GBCS use case '" + useCase + "' is not emulated; supported: " + CS05C + ", " + CS08);
            return DONE;
        }

        private String transferFailure(FirmwareImage image) {
            if (device.tcsoReclassified()) {
                return IMAGE_DISCARDED;
            }
            if (device.model() != null && !device.model().equals(image.model())) {
                return HARDWARE_VERSION_MISMATCH;
            }
            if (batteryLow(device, clock.millis())) {
                return BATTERY_LOW;
            }
            if (draw(command.commandId(), device.id()) < settings.fileTransferFailureRate()) {
                return FILE_TRANSFER_FAILURE;
            }
            return null;
        }

        private void activate() {
            if (activationFails) {
                HanDevice now = han.find(device.id());
                emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                        Map.of("firmwareVersion", now.firmwareVersion(), "result", "1")));
                return;
            }
            String version = command.firmwareImage().version();
            han.activateFirmware(device.id(), version);
            emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                    Map.of("firmwareVersion", version, "result", "0")));
        }

        private void respond() {
            HanDevice now = han.find(device.id());
            Map<String, String> data = now.batteryPowered()
                    ? Map.of("firmwareVersion", now.firmwareVersion(),
                            BATTERY_LOW_KEY, Boolean.toString(batteryLow(now, clock.millis())))
                    : Map.of("firmwareVersion", now.firmwareVersion());
            emit(listener, event(command, Stage.DEVICE_RESPONSE, null, data));
        }

        /** Finds the targeted PPMID or bridge on the command's hub; false after reporting FAILED. */
        private boolean findPpmid() {
            long hubId = eui64(command.commsHubId());
            HanDevice found = han.findOrEmulate(eui64(command.deviceId()), hubId);
            if (found.hubId() != hubId) {
                fail(command, listener, "device " + command.deviceId() + " is not on the HAN of Communications Hub "
                        + command.commsHubId() + " (it is on " + DeviceId.of(found.hubId()) + ")");
                return false;
            }
            if (found.type() != DeviceType.PPMID) {
                fail(command, listener, "GBCS " + command.gbcsUseCase() + " applies to a PPMID or an Alt HAN bridge; "
                        + command.deviceId() + " is a " + found.type());
                return false;
            }
            device = found;
            return true;
        }
    }

    /** The CCS08 response code of a transfer failure: 1 Image Discarded, 2 Hardware Version Mismatch, 3 File Transfer Failure. */
    static String transferResult(String reason) {
        return switch (reason) {
            case HARDWARE_VERSION_MISMATCH -> "2";
            case FILE_TRANSFER_FAILURE -> "3";
            default -> "1";
        };
    }

    private DeviceEvent event(CommsHubCommand command, Stage stage, GbcsAlert alert, Map<String, String> data) {
        return new DeviceEvent(command.commandId(), command.deviceId(), stage, alert, data, clock.instant());
    }

    private static void emit(DeviceEventListener listener, DeviceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("listener refused {} event for command {}", event.stage(), event.correlationId(), e);
        }
    }
}
