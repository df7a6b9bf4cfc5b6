package org.secflow.plugins.dspreference;

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
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference DSP (DOMAIN.md section 3, firmware flow steps 1-4; seed 001 section 4.1.1, Option 1).
 *
 * <p>{@link #submit} checks, in order: the SRV is one of {@link SupportedSrv}; an SRV 11.4 carries a firmware
 * image; the Smart Metering Inventory routes the device to a Communications Hub; a CSP serves the hub's region;
 * for SRV 11.4, no firmware update is in progress for the device. A failed check is a rejected acknowledgement
 * whose reason names the device or SRV. Otherwise it sends one {@link CommsHubCommand} (a fresh UUID as command
 * id) to the CSP of the hub's region and returns an accepted acknowledgement; the command's events follow on the
 * listener with the request id as correlation id, possibly before {@code submit} returns.
 *
 * <p>An update ends at 0x8F8B, 0x8F89 or FAILED ({@link FirmwareUpdateTracker#ends}); the DSP forgets it before
 * relaying that event, so a User reacting to it may send the next update at once. Thread-safe.
 */
final class ReferenceDsp implements Dsp {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDsp.class);

    private final InventoryLookup inventory;
    private final CspDirectory csps;
    private final FirmwareUpdateTracker updates = new FirmwareUpdateTracker();
    private volatile boolean closed;

    ReferenceDsp(InventoryLookup inventory, CspDirectory csps) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.csps = Objects.requireNonNull(csps, "csps");
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
        try {
            listener.onEvent(event.withCorrelationId(request.requestId()));
        } catch (RuntimeException e) {
            LOG.warn("listener for request {} threw on {}", request.requestId(), event.stage(), e);
        }
    }

    /** Rejects later requests; the CSPs belong to the host and stay open. */
    @Override
    public void close() {
        closed = true;
    }
}
