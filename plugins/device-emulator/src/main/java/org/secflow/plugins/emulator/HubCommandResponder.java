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
 * 2-5; seed 001 section 4.1.1). Runs on the host's scheduler; each step follows the previous one after the
 * configured latency, with event times from the host's clock.
 *
 * <ul>
 *   <li>{@value #CS05C} (firmware image to a PPMID or Alt HAN bridge): {@code DELIVERED_TO_HUB}; then alert
 *       0x8F89 FIRMWARE_TRANSFER_FAILURE with {@code reason} {@value #IMAGE_DISCARDED} (the bridge was
 *       re-classified as an IHD by a Trust Centre Swap Out, seed 000 section 7), {@value #HARDWARE_VERSION_MISMATCH}
 *       (the image is for another model) or {@value #FILE_TRANSFER_FAILURE} (at {@code transferFailureRate}), or
 *       else alert 0x8F8A FIRMWARE_TRANSFER_SUCCESS followed by 0x8F8B FIRMWARE_ACTIVATION with
 *       {@code firmwareVersion} (the image's version) and {@code result} {@code 0}; from then on the device
 *       reports the new version.</li>
 *   <li>{@value #CS08} (read PPMID firmware version): {@code DELIVERED_TO_HUB}, then {@code DEVICE_RESPONSE}
 *       with {@code firmwareVersion}.</li>
 *   <li>Anything else, a target that is no PPMID, a device on another hub's HAN or a CS05c without image:
 *       {@code FAILED} with {@code reason}.</li>
 * </ul>
 * Whether a transfer fails at {@code transferFailureRate} is drawn from the command id and the device, so a run
 * repeats exactly.
 */
final class HubCommandResponder {
    static final String CS05C = "CS05c";
    static final String CS08 = "CS08";
    static final String IMAGE_DISCARDED = "IMAGE_DISCARDED";
    static final String HARDWARE_VERSION_MISMATCH = "HARDWARE_VERSION_MISMATCH";
    static final String FILE_TRANSFER_FAILURE = "FILE_TRANSFER_FAILURE";

    private static final Logger LOG = LoggerFactory.getLogger(HubCommandResponder.class);

    private final HanRegistry han;
    private final EmulatorSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    HubCommandResponder(HanRegistry han, EmulatorSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.han = han;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Hands the command to the hub after the latency; never blocks. */
    void deliver(CommsHubCommand command, DeviceEventListener listener) {
        later(command, listener, () -> arrive(command, listener));
    }

    /** Reports a failure at once, on the caller's thread. */
    void fail(CommsHubCommand command, DeviceEventListener listener, String reason) {
        emit(listener, event(command, Stage.FAILED, null, Map.of("reason", reason)));
    }

    private void arrive(CommsHubCommand command, DeviceEventListener listener) {
        String useCase = command.gbcsUseCase();
        if (CS05C.equalsIgnoreCase(useCase)) {
            updateFirmware(command, listener);
        } else if (CS08.equalsIgnoreCase(useCase)) {
            readFirmwareVersion(command, listener);
        } else {
            fail(command, listener, "GBCS use case '" + useCase + "' is not emulated; supported: " + CS05C + ", " + CS08);
        }
    }

    private void updateFirmware(CommsHubCommand command, DeviceEventListener listener) {
        FirmwareImage image = command.firmwareImage();
        if (image == null) {
            fail(command, listener, CS05C + " for " + command.deviceId() + " carries no firmware image");
            return;
        }
        HanDevice device = ppmidOnHan(command, listener);
        if (device == null) {
            return;
        }
        emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
        String failure = transferFailure(command, device, image);
        if (failure != null) {
            later(command, listener, () -> emit(listener, event(command, Stage.DEVICE_ALERT,
                    GbcsAlert.FIRMWARE_TRANSFER_FAILURE, Map.of("reason", failure))));
            return;
        }
        later(command, listener, () -> {
            emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of()));
            later(command, listener, () -> {
                han.activateFirmware(device.id(), image.version());
                emit(listener, event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                        Map.of("firmwareVersion", image.version(), "result", "0")));
            });
        });
    }

    private void readFirmwareVersion(CommsHubCommand command, DeviceEventListener listener) {
        HanDevice device = ppmidOnHan(command, listener);
        if (device == null) {
            return;
        }
        emit(listener, event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
        later(command, listener, () -> {
            HanDevice now = han.find(device.id());
            emit(listener, event(command, Stage.DEVICE_RESPONSE, null,
                    Map.of("firmwareVersion", now.firmwareVersion())));
        });
    }

    /** The targeted PPMID or bridge on the command's hub, or null after reporting FAILED. */
    private HanDevice ppmidOnHan(CommsHubCommand command, DeviceEventListener listener) {
        long hubId = eui64(command.commsHubId());
        HanDevice device = han.findOrEmulate(eui64(command.deviceId()), hubId);
        if (device.hubId() != hubId) {
            fail(command, listener, "device " + command.deviceId() + " is not on the HAN of Communications Hub "
                    + command.commsHubId() + " (it is on " + DeviceId.of(device.hubId()) + ")");
            return null;
        }
        if (device.type() != DeviceType.PPMID) {
            fail(command, listener, "GBCS " + command.gbcsUseCase() + " applies to a PPMID or an Alt HAN bridge; "
                    + command.deviceId() + " is a " + device.type());
            return null;
        }
        return device;
    }

    private String transferFailure(CommsHubCommand command, HanDevice device, FirmwareImage image) {
        if (device.tcsoReclassified()) {
            return IMAGE_DISCARDED;
        }
        if (device.model() != null && !device.model().equals(image.model())) {
            return HARDWARE_VERSION_MISMATCH;
        }
        if (draw(command.commandId(), device.id()) < settings.transferFailureRate()) {
            return FILE_TRANSFER_FAILURE;
        }
        return null;
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

    private void later(CommsHubCommand command, DeviceEventListener listener, Runnable step) {
        try {
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.warn("emulating command {} for {} failed", command.commandId(), command.deviceId(), e);
                    fail(command, listener, "device emulator error: " + e);
                }
            }, settings.latencyMs(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(command, listener, "device emulator stopped: the host scheduler refused the command");
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
