package org.secflow.plugins.dspreference;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.GbcsAlert;

/**
 * The firmware updates in progress, one per device at most: "DCC Total Systems tracks the progress of the firmware
 * update request at a device level. If a firmware update request is already in progress for a given Alt HAN P2P
 * Device, any further firmware update requests will be blocked" (seed 001 section 4.1.1). Thread-safe.
 */
final class FirmwareUpdateTracker {
    private final ConcurrentMap<DeviceId, String> inProgress = new ConcurrentHashMap<>();

    /**
     * Starts tracking {@code requestId} for {@code device}, atomically.
     *
     * @return empty when started; else the id of the request already in progress for the device
     */
    Optional<String> tryStart(DeviceId device, String requestId) {
        return Optional.ofNullable(inProgress.putIfAbsent(device, requestId));
    }

    /** Stops tracking {@code requestId} for {@code device}; a later update of the device is left alone. */
    void finish(DeviceId device, String requestId) {
        inProgress.remove(device, requestId);
    }

    /**
     * Whether {@code event} ends a firmware update: the device's 0x8F8B activation alert (either result), a 0x8F89
     * transfer failure, or the command failing on its way (DOMAIN.md section 3, firmware flow steps 3 and 4).
     */
    static boolean ends(DeviceEvent event) {
        return event.stage() == DeviceEvent.Stage.FAILED
                || event.alert() == GbcsAlert.FIRMWARE_ACTIVATION
                || event.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE;
    }
}
