package org.secflow.plugins.dspreference;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.Csp;
import org.secflow.spi.CspDirectory;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.Dsp;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference DSP (GBCS PPMID firmware flow, steps 1-4; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1, Option 1).
 *
 * <p>{@link #submit} checks, in order: the SRV is one of {@link SupportedSrv}; an SRV 11.4 carries a firmware
 * image; the Smart Metering Inventory routes the device to a Communications Hub; a CSP serves the hub's region;
 * for SRV 11.4, no firmware update is in progress for the device. A failed check is a rejected acknowledgement
 * whose reason names the device or SRV. Otherwise it sends one {@link CommsHubCommand} (a fresh UUID as command
 * id) to the CSP of the hub's region and returns an accepted acknowledgement; the command's events follow on the
 * listener with the request id as correlation id, possibly before {@code submit} returns.
 *
 * <p>An update ends at 0x8F8B, 0x8F89 or FAILED ({@link FirmwareUpdateTracker#ends}); the DSP forgets it before
 * relaying that event, so a User reacting to it may send the next update at once. An update that never ends (a
 * silent device) stops blocking the next one after {@code updateTimeoutMs} ({@link FirmwareUpdateTracker}).
 *
 * <p>Relayed events keep the CSP's stage, alert and data, under the request id, except the device's 0x8F8B
 * FIRMWARE_ACTIVATION alert, which gains {@value #DCC_ALERT_KEY} = {@value #N39}: "The Device Alerts received from
 * the Alt HAN P2P Devices will be delivered to the Service Users using the DCC Alert N39, as with PPMIDs" and "The
 * existing DCC Alert N39 will be used to notify the firmware activation of Alt HAN P2P Device" (DCC Preliminary Impact Assessment for SECMP0170 section
 * 4.1.1, Firmware Distribution Management and Summary). An SRV 11.2 response (GBCS CS08) is relayed as it comes:
 * {@code firmwareVersion}, and {@code batteryLow} when the device reports it. Thread-safe.
 */
final class ReferenceDsp implements Dsp {
    /** Data key naming the DCC Alert a relayed event is delivered as. */
    static final String DCC_ALERT_KEY = "dccAlert";
    /** DCC Alert N39: a PPMID's or Alt HAN P2P Device's firmware activation alert (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    static final String N39 = "N39";
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDsp.class);

    private final InventoryLookup inventory;
    private final CspDirectory csps;
    private final FirmwareUpdateTracker updates;
    private volatile boolean closed;

    ReferenceDsp(InventoryLookup inventory, CspDirectory csps, Clock clock, long updateTimeoutMs) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.csps = Objects.requireNonNull(csps, "csps");
        this.updates = new FirmwareUpdateTracker(Objects.requireNonNull(clock, "clock"), updateTimeoutMs);
    }

    @Override
    public ServiceRequestAck submit(ServiceRequest request, DeviceEventListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String id = request.requestId();
        if (closed) {
            return ServiceRequestAck.rejected(id, DspReferenceFactory.ID + " is closed");
        }
        Optional<SupportedSrv> found = SupportedSrv.of(request.srv());
        if (found.isEmpty()) {
            return ServiceRequestAck.rejected(id, "SRV " + request.srv() + " is not supported by "
                    + DspReferenceFactory.ID + "; supported SRVs: " + SupportedSrv.summary());
        }
        SupportedSrv srv = found.get();
        if (srv.updatesFirmware() && request.firmwareImage() == null) {
            return ServiceRequestAck.rejected(id, "SRV " + srv + " for device " + request.deviceId()
                    + " carries no firmware image");
        }
        Optional<CommsHubRoute> route = inventory.route(request.deviceId());
        if (route.isEmpty()) {
            return ServiceRequestAck.rejected(id, "device " + request.deviceId()
                    + " is not in the Smart Metering Inventory or has no Communications Hub");
        }
        Csp csp;
        try {
            csp = csps.forRegion(route.get().region());
        } catch (IllegalStateException e) {
            return ServiceRequestAck.rejected(id, "no CSP serves region " + route.get().region() + " of device "
                    + request.deviceId() + ": " + e.getMessage());
        }
        if (srv.updatesFirmware()) {
            Optional<String> running = updates.tryStart(request.deviceId(), id);
            if (running.isPresent()) {
                return ServiceRequestAck.rejected(id, "firmware update of device " + request.deviceId()
                        + " is blocked: firmware update " + running.get() + " is already in progress for it");
            }
        }
        return send(request, srv, route.get(), csp, listener);
    }

    private ServiceRequestAck send(ServiceRequest request, SupportedSrv srv, CommsHubRoute route, Csp csp,
                                   DeviceEventListener listener) {
        String id = request.requestId();
        CommsHubCommand command = new CommsHubCommand(UUID.randomUUID().toString(), srv.gbcsUseCase(),
                route.commsHubId(), request.deviceId(), route.region(), request.parameters(),
                srv.updatesFirmware() ? request.firmwareImage() : null);
        try {
            csp.send(command, event -> relay(request, srv, event, listener));
        } catch (RuntimeException e) {
            updates.finish(request.deviceId(), id);
            LOG.warn("CSP of region {} refused command {} for request {}", route.region(), command.commandId(), id, e);
            return ServiceRequestAck.rejected(id, "the CSP of region " + route.region() + " refused the command for "
                    + "device " + request.deviceId() + ": " + e.getMessage());
        }
        LOG.debug("request {} (SRV {}) sent as command {} to the CSP of {}", id, srv, command.commandId(),
                route.region());
        return ServiceRequestAck.accepted(id);
    }

    private void relay(ServiceRequest request, SupportedSrv srv, DeviceEvent event, DeviceEventListener listener) {
        if (srv.updatesFirmware() && FirmwareUpdateTracker.ends(event)) {
            updates.finish(request.deviceId(), request.requestId());
        }
        DeviceEvent relayed = event.alert() == GbcsAlert.FIRMWARE_ACTIVATION ? asN39(event) : event;
        try {
            listener.onEvent(relayed.withCorrelationId(request.requestId()));
        } catch (RuntimeException e) {
            LOG.warn("listener for request {} threw on {}", request.requestId(), event.stage(), e);
        }
    }

    /** The activation alert with {@code dccAlert} = N39 added to its data. */
    private static DeviceEvent asN39(DeviceEvent event) {
        Map<String, String> data = new HashMap<>(event.data());
        data.put(DCC_ALERT_KEY, N39);
        return new DeviceEvent(event.correlationId(), event.deviceId(), event.stage(), event.alert(), data, event.at());
    }

    /** Rejects later requests; the CSPs belong to the host and stay open. */
    @Override
    public void close() {
        closed = true;
    }
}
