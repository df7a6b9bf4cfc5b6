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
 * Answers commands as the Communications Hub and its HAN devices would (DOMAIN.md section 3, firmware flow steps
 * 2-5; seed 001 section 4.1.1; GBCS CCS08 and CS09 payloads, domain-research section 7.2). Runs on the host's
 * scheduler with event times from the host's clock. Times below are emulated milliseconds; each is divided by
 * {@code timeScale} to give host time ({@link ResponseSettings}).
 *
 * <ul>
 *   <li>{@value #CS05C} (firmware image to a PPMID or Alt HAN bridge): after {@code latencyMs},
 *       {@code DELIVERED_TO_HUB}. Then, after {@code transferTimeMs}, one of:
 *     <ul>
 *       <li>alert 0x8F89 FIRMWARE_TRANSFER_FAILURE with {@code reason} and {@code result} (the CCS08 response code),
 *           the first cause that applies: {@value #IMAGE_DISCARDED} / 1 (the bridge was re-classified as an IHD by
 *           a Trust Centre Swap Out, seed 000 section 7; fixed by the device), {@value #HARDWARE_VERSION_MISMATCH}
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
    /** Reason of a command failed at its use case's configured {@code failureRate.<useCase>}. */
    static final String COMMAND_FAILED = "COMMAND_FAILED";

    private static final long NO_ANSWER_SALT = 0x4E4F_414E_5357_4552L;
    private static final long ACTIVATION_SALT = 0x4143_5449_5641_5445L;
    private static final long BATTERY_SALT = 0x4241_5454_4552_5921L;
    private static final Logger LOG = LoggerFactory.getLogger(HubCommandResponder.class);

    private static final long FAILURE_SALT = 0x4641_494C_5552_4521L;

    private final HanRegistry han;
    private final ResponseSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final UseCaseTable useCases;
    private final DeviceBehaviour behaviour;
    private final Map<String, Double> failureRates;

    HubCommandResponder(HanRegistry han, ResponseSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this(han, settings, scheduler, clock, UseCaseTable.standard(), Map.of());
    }

    /**
     * @param failureRates per GBCS use case (lower case), the share of its commands that fail with
     *     {@value #COMMAND_FAILED} after {@code DELIVERED_TO_HUB}
     */
    HubCommandResponder(HanRegistry han, ResponseSettings settings, ScheduledExecutorService scheduler, Clock clock,
                        UseCaseTable useCases, Map<String, Double> failureRates) {
        this.han = han;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.useCases = useCases;
        this.behaviour = new DeviceBehaviour(han);
        this.failureRates = Map.copyOf(failureRates);
    }

    /** Emulated time now, epoch ms: host time since the emulation epoch times {@code timeScale}. */
    long emulatedNowMs() {
        long now = clock.millis();
        return DeviceBehaviour.EMULATION_EPOCH_MS
                + (long) ((now - DeviceBehaviour.EMULATION_EPOCH_MS) * settings.timeScale());
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
        private UseCaseTable.UseCase useCase;
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
                    han.transferFirmware(device.id(), command.firmwareImage().version());
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
            useCase = useCases.find(command.gbcsUseCase());
            if (useCase == null) {
                fail(command, listener, "GBCS use case '" + command.gbcsUseCase() + "' is not emulated");
                return DONE;
            }
            if (useCase.kind() == UseCaseTable.Kind.FIRMWARE) {
                FirmwareImage image = command.firmwareImage();
                if (image == null) {
                    fail(command, listener, command.gbcsUseCase() + " for " + command.deviceId()
                            + " carries no firmware image");
                    return DONE;
                }
                if (!findDevice()) {
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
            if (!findDevice()) {
                return DONE;
            }
            emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
            step = RESPOND;
            return settings.hostNanos(settings.latencyMs());
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
            Double rate = failureRates.get(useCase.name().toLowerCase(java.util.Locale.ROOT));
            if (rate != null && draw(command.commandId(), device.id() ^ FAILURE_SALT) < rate) {
                emit(listener, event(command, Stage.FAILED, null, result(useCase, "E", Map.of("reason", COMMAND_FAILED
                        + ": the device did not carry out " + useCase.name()))));
                return;
            }
            DeviceBehaviour.Outcome outcome = behaviour.apply(useCase, now, command.parameters(), emulatedNowMs());
            if (!outcome.ok()) {
                emit(listener, event(command, Stage.FAILED, null, result(useCase, "E", outcome.data())));
                return;
            }
            Map<String, String> data = new java.util.HashMap<>(outcome.data());
            if (useCase.kind() == UseCaseTable.Kind.FIRMWARE_READ && now.batteryPowered()) {
                data.put(BATTERY_LOW_KEY, Boolean.toString(batteryLow(now, clock.millis())));
            }
            emit(listener, event(command, Stage.DEVICE_RESPONSE, null, result(useCase, DeviceEvent.SUCCESS, data)));
        }

        /** Finds the target on the command's hub, of a type the use case applies to; false after reporting FAILED. */
        private boolean findDevice() {
            long hubId = eui64(command.commsHubId());
            HanDevice found = han.findOrEmulate(eui64(command.deviceId()), hubId, command.deviceType());
            if (found.hubId() != hubId) {
                fail(command, listener, "device " + command.deviceId() + " is not on the HAN of Communications Hub "
                        + command.commsHubId() + " (it is on " + DeviceId.of(found.hubId()) + ")");
                return false;
            }
            if (!useCase.devices().contains(found.type())) {
                fail(command, listener, "GBCS " + command.gbcsUseCase() + " applies to a " + String.join(" or a ",
                        new java.util.TreeSet<>(useCase.devices().stream().map(Enum::name).toList()))
                        + (useCase.devices().contains(DeviceType.PPMID) ? " (an Alt HAN bridge is one)" : "")
                        + "; " + command.deviceId() + " is a " + found.type());
                return false;
            }
            device = found;
            return true;
        }
    }

    /** A DUIS-shaped result body: the data with the use case and response code. */
    private static Map<String, String> result(UseCaseTable.UseCase useCase, String responseCode, Map<String, String> body) {
        Map<String, String> data = new java.util.HashMap<>(body);
        data.put(DeviceEvent.GBCS_USE_CASE, useCase.name());
        data.put(DeviceEvent.RESPONSE_CODE, responseCode);
        return data;
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
