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
 * Answers commands as the Communications Hub and its HAN devices would (GBCS PPMID firmware flow, steps
 * 2-5; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1; DUIS "Service Request matrix" for the GBCS use cases of {@link UseCaseTable}). Runs on
 * the host's scheduler with event times from the host's clock; delays are emulated ms divided by {@code timeScale}.
 *
 * <ul>
 *   <li>A firmware transfer (CS05a, CS05b, CS05c): after {@code latencyMs} {@code DELIVERED_TO_HUB}; after
 *       {@code transferTimeMs} alert 0x8F89 with {@code reason} and the CCS08 {@code result} for the first cause that
 *       applies ({@value #IMAGE_DISCARDED} for a bridge a Trust Centre Swap Out re-classified, MP170 draft Modification Report section 7;
 *       {@value #HARDWARE_VERSION_MISMATCH} for another model's image; {@value #BATTERY_LOW}; {@value
 *       #FILE_TRANSFER_FAILURE} at {@code fileTransferFailureRate}), or silence at {@code noAnswerRate}, or 0x8F8A
 *       (the image recorded as pending) and after {@code activationTimeMs} 0x8F8B with {@code firmwareVersion} and
 *       {@code result} 0 (the version recorded, durably, before the alert) or 1 at {@code activationFailureRate}.</li>
 *   <li>Every other use case of the table: after {@code latencyMs} {@code DELIVERED_TO_HUB}, after {@code latencyMs}
 *       more a {@code DEVICE_RESPONSE} or {@code FAILED} from {@link DeviceBehaviour}, with {@code gbcsUseCase} and
 *       {@code responseCode} ({@code I0}, or the failure reason's code from {@link ResponseCodes}); a firmware read of a battery-powered bridge adds {@value #BATTERY_LOW_KEY}; a use case
 *       with {@code failureRate.<useCase>} fails at that rate with {@value #COMMAND_FAILED}.</li>
 *   <li>A use case not in the table, a target of a type the use case does not apply to, a device on another hub's
 *       HAN or a firmware transfer without image: {@code FAILED} with {@code reason}.</li>
 * </ul>
 *
 * <p>Determinism: every rate is drawn from the command id and the device, so a run repeats exactly; low battery from
 * the device and the period of {@code lowBatteryPeriodMs} the host clock is in. {@link #deliver} never calls the
 * listener itself: the first step runs on the scheduler, a zero delay runs the next step in the same task.
 * Thread-safe; the steps of one command run one after another.
 *
 * <p>About 310 lines, kept whole: the steps of a command (the list above) are one timeline on one scheduler, each
 * step choosing the next; the answers of other use cases are {@link DeviceBehaviour}, the table {@link UseCaseTable}.
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
    /** Reason of a 0x8F8B whose {@code result} is 1: the device kept its old version. */
    static final String ACTIVATION_FAILED = "ACTIVATION_FAILED";
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
    private final ResponseCodes codes = ResponseCodes.standard();

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

    /**
     * Reports a failure at once, on the caller's thread: {@code reason} (starting with its key, see
     * {@link ResponseCodes}) and its {@code responseCode}.
     */
    void fail(CommsHubCommand command, DeviceEventListener listener, String reason) {
        emit(listener, event(command, Stage.FAILED, null, Map.of("reason", reason,
                DeviceEvent.RESPONSE_CODE, codes.codeOf(reason))));
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
                fail(command, listener, "EMULATOR_STOPPED: the host scheduler refused the command");
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
                fail(command, listener, COMMAND_FAILED + ": device emulator error: " + e);
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
                                Map.of("reason", failure, "result", GbcsResults.transferResult(failure),
                                DeviceEvent.RESPONSE_CODE, codes.codeOf(failure))));
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
                fail(command, listener, "USE_CASE_NOT_EMULATED: GBCS use case '" + command.gbcsUseCase() + "' is not emulated");
                return DONE;
            }
            if (useCase.kind() == UseCaseTable.Kind.FIRMWARE) {
                FirmwareImage image = command.firmwareImage();
                if (image == null) {
                    fail(command, listener, "INVALID_REQUEST: " + command.gbcsUseCase() + " for " + command.deviceId()
                            + " carries no firmware image");
                    return DONE;
                }
                if (!findDevice()) {
                    return DONE;
                }
                emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
                failure = transferFailure(image);
                if (failure == null && DeviceIdentity.draw(command.commandId(), device.id() ^ NO_ANSWER_SALT) < settings.noAnswerRate()) {
                    return DONE;
                }
                activationFails = failure == null
                        && DeviceIdentity.draw(command.commandId(), device.id() ^ ACTIVATION_SALT) < settings.activationFailureRate();
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
            if (DeviceIdentity.draw(command.commandId(), device.id()) < settings.fileTransferFailureRate()) {
                return FILE_TRANSFER_FAILURE;
            }
            return null;
        }

        private void activate() {
            if (activationFails) {
                HanDevice now = han.find(device.id());
                emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                        Map.of("firmwareVersion", now.firmwareVersion(), "result", "1",
                                "reason", ACTIVATION_FAILED, DeviceEvent.RESPONSE_CODE, codes.codeOf(ACTIVATION_FAILED))));
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
            if (rate != null && DeviceIdentity.draw(command.commandId(), device.id() ^ FAILURE_SALT) < rate) {
                String reason = COMMAND_FAILED + ": the device did not carry out " + useCase.name();
                emit(listener, event(command, Stage.FAILED, null, GbcsResults.result(useCase, codes.codeOf(reason),
                        Map.of("reason", reason))));
                return;
            }
            DeviceBehaviour.Outcome outcome = behaviour.apply(useCase, now, command.parameters(), emulatedNowMs());
            if (!outcome.ok()) {
                emit(listener, event(command, Stage.FAILED, null, GbcsResults.result(useCase,
                        codes.codeOf(outcome.data().get("reason")), outcome.data())));
                return;
            }
            Map<String, String> data = new java.util.HashMap<>(outcome.data());
            if (useCase.kind() == UseCaseTable.Kind.FIRMWARE_READ && now.batteryPowered()) {
                data.put(BATTERY_LOW_KEY, Boolean.toString(batteryLow(now, clock.millis())));
            }
            emit(listener, event(command, Stage.DEVICE_RESPONSE, null, GbcsResults.result(useCase, DeviceEvent.SUCCESS, data)));
        }

        /** Finds the target on the command's hub, of a type the use case applies to; false after reporting FAILED. */
        private boolean findDevice() {
            long hubId = DeviceIdentity.eui64(command.commsHubId());
            HanDevice found = han.findOrEmulate(DeviceIdentity.eui64(command.deviceId()), hubId, command.deviceType());
            if (found.hubId() != hubId) {
                fail(command, listener, "NOT_ON_HAN: device " + command.deviceId() + " is not on the HAN of Communications Hub "
                        + command.commsHubId() + " (it is on " + DeviceId.of(found.hubId()) + ")");
                return false;
            }
            if (!useCase.devices().contains(found.type())) {
                fail(command, listener, "WRONG_DEVICE_TYPE: GBCS " + command.gbcsUseCase() + " applies to a " + String.join(" or a ",
                        new java.util.TreeSet<>(useCase.devices().stream().map(Enum::name).toList()))
                        + (useCase.devices().contains(DeviceType.PPMID) ? " (an Alt HAN bridge is one)" : "")
                        + "; " + command.deviceId() + " is a " + found.type());
                return false;
            }
            device = found;
            return true;
        }
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
