package org.secflow.plugins.dspreference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.DeviceType;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a device SRV as one {@link CommsHubCommand} (a fresh UUID as command id) to the CSP of the hub's region,
 * now or at its Execution Date Time, and relays the command's events under the request id.
 *
 * <p>Relayed events keep the CSP's stage, alert and data, with two additions. A response or failure gains the
 * DUIS-shaped keys it lacks: {@code gbcsUseCase} (the command's), {@code responseCode} ({@code I0} for a response,
 * {@code E} for a failure without one) and {@code critical}; so does the final alert of a firmware update (0x8F8B:
 * {@code I0} for result 0, else {@code E}; 0x8F89: {@code E}), the response of a firmware SRV. The device's 0x8F8B
 * FIRMWARE_ACTIVATION alert also gains {@value #DCC_ALERT_KEY} = {@value #N39}: "The Device Alerts received from the Alt HAN P2P Devices will be delivered
 * to the Service Users using the DCC Alert N39, as with PPMIDs" (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). A firmware update ends at
 * 0x8F8B, 0x8F89 or FAILED ({@link FirmwareUpdateTracker#ends}); the DSP forgets it before relaying that event.
 */
final class CommandRelay {
    static final String DCC_ALERT_KEY = "dccAlert";
    static final String N39 = "N39";
    private static final Logger LOG = LoggerFactory.getLogger(CommandRelay.class);

    private final FirmwareUpdateTracker updates;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    /** Commands not yet at their last event (sent, or waiting for their Execution Date Time), by request id. */
    private final Map<String, OpenCommand> open = new java.util.concurrent.ConcurrentHashMap<>();

    CommandRelay(FirmwareUpdateTracker updates, ScheduledExecutorService scheduler, Clock clock) {
        this.updates = updates;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Sends the command, or schedules it for {@code executeAt} (null: now).
     *
     * @return accepted, or rejected when the CSP refuses a command sent now
     */
    ServiceRequestAck send(ServiceRequest request, SrvRoute srv, String useCase, DeviceType type, CommsHubRoute route,
                           Csp csp, Instant executeAt, DeviceEventListener listener) {
        String id = request.requestId();
        Map<String, String> parameters = new HashMap<>(request.parameters());
        parameters.remove(ServiceRequest.USE_CASE);
        parameters.remove(ServiceRequest.EXECUTION_DATE_TIME);
        boolean firmware = srv.handling() == SrvRoute.Handling.FIRMWARE;
        CommsHubCommand command = new CommsHubCommand(UUID.randomUUID().toString(), useCase, route.commsHubId(),
                request.deviceId(), route.region(), parameters, firmware ? request.firmwareImage() : null, type);
        DeviceEventListener relayed = event -> relay(request, srv, command, event, listener);
        open.put(id, new OpenCommand(csp, command.commandId(), request.deviceId()));
        if (executeAt != null) {
            long delayMs = Math.max(0, Duration.between(clock.instant(), executeAt).toMillis());
            try {
                scheduler.schedule(() -> sendLater(request, command, route, csp, relayed), delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                open.remove(id);
                updates.finish(request.deviceId(), id);
                return ServiceRequestAck.rejected(id, "the DSP is stopping and cannot schedule the request");
            }
            LOG.debug("request {} (SRV {}) scheduled for {}", id, srv, executeAt);
            return ServiceRequestAck.accepted(id);
        }
        try {
            csp.send(command, relayed);
        } catch (RuntimeException e) {
            open.remove(id);
            updates.finish(request.deviceId(), id);
            LOG.warn("CSP of region {} refused command {} for request {}", route.region(), command.commandId(), id, e);
            return ServiceRequestAck.rejected(id, "the CSP of region " + route.region() + " refused the command for "
                    + "device " + request.deviceId() + ": " + e.getMessage());
        }
        LOG.debug("request {} (SRV {}) sent as {} command {} to the CSP of {}", id, srv, useCase, command.commandId(),
                route.region());
        return ServiceRequestAck.accepted(id);
    }

    private void sendLater(ServiceRequest request, CommsHubCommand command, CommsHubRoute route, Csp csp,
                           DeviceEventListener relayed) {
        if (!open.containsKey(request.requestId())) {
            return; // cancelled while it waited for its Execution Date Time
        }
        try {
            csp.send(command, relayed);
        } catch (RuntimeException e) {
            relayed.onEvent(new DeviceEvent(command.commandId(), request.deviceId(), DeviceEvent.Stage.FAILED, null,
                    Map.of("reason", "the CSP of region " + route.region() + " refused the command at its Execution"
                            + " Date Time: " + e.getMessage()), clock.instant()));
        }
    }

    private void relay(ServiceRequest request, SrvRoute srv, CommsHubCommand command, DeviceEvent event,
                       DeviceEventListener listener) {
        if (isLast(event)) {
            open.remove(request.requestId());
        }
        if (srv.handling() == SrvRoute.Handling.FIRMWARE && FirmwareUpdateTracker.ends(event)) {
            updates.finish(request.deviceId(), request.requestId());
        }
        DeviceEvent out = event;
        if (event.alert() == GbcsAlert.FIRMWARE_ACTIVATION) {
            out = withData(event, Map.of(DCC_ALERT_KEY, N39, DeviceEvent.GBCS_USE_CASE, command.gbcsUseCase(),
                    DeviceEvent.RESPONSE_CODE, "0".equals(event.data().get("result")) ? DeviceEvent.SUCCESS : "E",
                    DeviceEvent.CRITICAL, Boolean.toString(srv.critical())));
        } else if (event.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE) {
            out = withData(event, Map.of(DeviceEvent.GBCS_USE_CASE, command.gbcsUseCase(), DeviceEvent.RESPONSE_CODE, "E",
                    DeviceEvent.CRITICAL, Boolean.toString(srv.critical())));
        } else if (event.stage() == DeviceEvent.Stage.DEVICE_RESPONSE || event.stage() == DeviceEvent.Stage.FAILED) {
            out = withData(event, Map.of(DeviceEvent.GBCS_USE_CASE, command.gbcsUseCase(),
                    DeviceEvent.RESPONSE_CODE, event.stage() == DeviceEvent.Stage.FAILED ? "E" : DeviceEvent.SUCCESS,
                    DeviceEvent.CRITICAL, Boolean.toString(srv.critical())));
        }
        try {
            listener.onEvent(out.withCorrelationId(request.requestId()));
        } catch (RuntimeException e) {
            LOG.warn("listener for request {} threw on {}", request.requestId(), event.stage(), e);
        }
    }

    /**
     * The sender gave up on request {@code requestId}: the device is freed for another firmware update and the
     * command is cancelled at its CSP (which frees its slot at once), or dropped when it has not been sent yet. An
     * unknown or finished request is ignored.
     */
    void cancel(String requestId) {
        OpenCommand c = requestId == null ? null : open.remove(requestId);
        if (c == null) {
            return;
        }
        updates.finish(c.deviceId(), requestId);
        try {
            c.csp().cancel(c.commandId());
        } catch (RuntimeException e) {
            LOG.warn("CSP could not cancel command {} of request {}", c.commandId(), requestId, e);
        }
        LOG.debug("request {} cancelled by its sender; command {} cancelled at the CSP", requestId, c.commandId());
    }

    /** A request's command, kept until its last event or its cancellation. */
    private record OpenCommand(Csp csp, String commandId, org.secflow.spi.DeviceId deviceId) {
    }

    /** Whether {@code event} is the last of its command: a failure, a device response, 0x8F89 or 0x8F8B. */
    private static boolean isLast(DeviceEvent event) {
        return event.stage() == DeviceEvent.Stage.FAILED || event.stage() == DeviceEvent.Stage.DEVICE_RESPONSE
                || event.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE || event.alert() == GbcsAlert.FIRMWARE_ACTIVATION;
    }

    /** The event with {@code extra} added to its data where the event does not already say. */
    static DeviceEvent withData(DeviceEvent event, Map<String, String> extra) {
        Map<String, String> data = new HashMap<>(extra);
        data.putAll(event.data());
        return new DeviceEvent(event.correlationId(), event.deviceId(), event.stage(), event.alert(), data, event.at());
    }
}
