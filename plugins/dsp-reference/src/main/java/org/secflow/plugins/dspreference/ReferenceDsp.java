package org.secflow.plugins.dspreference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.Csp;
import org.secflow.spi.CspDirectory;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Dsp;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;

/**
 * The reference DSP (DUIS "Service Request matrix"; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1, Option 1).
 *
 * <p>{@link #submit} checks, in order: the SRV is in the DSP's table ({@link SrvCatalogue}) and not one the host
 * answers from the Smart Metering Inventory (8.2, 8.4, 12.2); the payload fits the SRV's schema (every parameter
 * known, required ones given, values of their type; an SRV without payload fields ignores the parameters it is
 * given, such as the host's own {@code campaignId}; {@value ServiceRequest#EXECUTION_DATE_TIME} only for a
 * future-dated SRV); the Smart Metering Inventory routes the device to a Communications Hub; a CSP serves the hub's
 * region; the device's type is a target of the SRV and the chosen {@value ServiceRequest#USE_CASE} one of its GBCS
 * use cases; for a firmware SRV (11.1, 11.4) an image is given, applies to the device's type, and no other update is
 * in progress for the device. A failed check is a rejected acknowledgement whose reason names the field, device or
 * SRV. Then:
 * <ul>
 *   <li>a device SRV becomes one command of its GBCS use case to the CSP ({@link CommandRelay}); a future-dated
 *       request whose Execution Date Time is ahead runs at that time on the host's scheduler;</li>
 *   <li>a non-device SRV is answered by the DSP itself ({@link DspAnswers}): 12.1 Request WAN Matrix, the DCC
 *       schedules of 5.1, 5.2 and 5.3 (kept in the data folder across restarts), the status updates of 8.14.x, 8.3, 8.6 and 8.13.</li>
 * </ul>
 * Results are DUIS-shaped: the acknowledgement, then a {@code DEVICE_RESPONSE} (or {@code FAILED}) whose data carry
 * {@code gbcsUseCase}, {@code responseCode} and {@code critical} beside the body, and device alerts (a firmware
 * activation relayed as DCC Alert N39). Thread-safe.
 */
final class ReferenceDsp implements Dsp {
    /** Data key naming the DCC Alert a relayed event is delivered as. */
    static final String DCC_ALERT_KEY = CommandRelay.DCC_ALERT_KEY;
    /** DCC Alert N39: a PPMID's or Alt HAN P2P Device's firmware activation alert (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    static final String N39 = CommandRelay.N39;

    private final SrvCatalogue catalogue;
    private final InventoryLookup inventory;
    private final CspDirectory csps;
    private final Clock clock;
    private final FirmwareUpdateTracker updates;
    private final CommandRelay relay;
    private final DspAnswers answers;
    private volatile boolean closed;

    /**
     * @param dataDirectory where the DCC schedules of SRV 5.1 are kept across restarts, or null to keep them in
     *     memory only
     */
    ReferenceDsp(SrvCatalogue catalogue, InventoryLookup inventory, CspDirectory csps, Clock clock,
                 ScheduledExecutorService scheduler, long updateTimeoutMs, java.nio.file.Path dataDirectory) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.csps = Objects.requireNonNull(csps, "csps");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.updates = new FirmwareUpdateTracker(clock, updateTimeoutMs);
        this.relay = new CommandRelay(updates, scheduler, clock);
        this.answers = new DspAnswers(this, catalogue, scheduler, clock, dataDirectory);
    }

    @Override
    public ServiceRequestAck submit(ServiceRequest request, DeviceEventListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String id = request.requestId();
        if (closed) {
            return ServiceRequestAck.rejected(id, DspReferenceFactory.ID + " is closed");
        }
        Optional<SrvRoute> found = catalogue.find(request.srv());
        if (found.isEmpty()) {
            return ServiceRequestAck.rejected(id, "SRV " + request.srv() + " is not supported by "
                    + DspReferenceFactory.ID + ": it is not in the DUIS Service Request matrix");
        }
        SrvRoute srv = found.get();
        if (srv.handling() == SrvRoute.Handling.SMI) {
            return ServiceRequestAck.rejected(id, "SRV " + srv + " is answered by the host from the Smart Metering"
                    + " Inventory, not by " + DspReferenceFactory.ID);
        }
        String problem = payloadProblem(srv, request.parameters());
        if (problem != null) {
            return ServiceRequestAck.rejected(id, "SRV " + srv + ": " + problem);
        }
        if (srv.handling() == SrvRoute.Handling.FIRMWARE && request.firmwareImage() == null) {
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
        if (srv.handling() == SrvRoute.Handling.DSP) {
            return answers.answer(request, srv, route.get(), csp, listener);
        }
        DeviceType type = targetType(srv, route.get());
        if (type == null) {
            return ServiceRequestAck.rejected(id, "SRV " + srv + " cannot target device " + request.deviceId()
                    + ", a " + route.get().deviceType() + "; target devices: " + srv.routes().keySet());
        }
        List<String> useCases = srv.routes().get(type);
        String useCase = request.parameters().getOrDefault(ServiceRequest.USE_CASE, useCases.get(0));
        if (!useCases.contains(useCase)) {
            return ServiceRequestAck.rejected(id, "SRV " + srv + " to a " + type + " is one of the GBCS use cases "
                    + useCases + ", not payload.useCase '" + useCase + "'");
        }
        if (srv.handling() == SrvRoute.Handling.FIRMWARE) {
            if (!request.firmwareImage().applicableDeviceTypes().contains(type)) {
                return ServiceRequestAck.rejected(id, "the firmware image " + request.firmwareImage().version()
                        + " does not apply to device " + request.deviceId() + ", a " + type + "; it applies to "
                        + new TreeSet<>(request.firmwareImage().applicableDeviceTypes()));
            }
            Optional<String> running = updates.tryStart(request.deviceId(), id);
            if (running.isPresent()) {
                return ServiceRequestAck.rejected(id, "firmware update of device " + request.deviceId()
                        + " is blocked: firmware update " + running.get() + " is already in progress for it");
            }
        }
        return relay.send(request, srv, useCase, type, route.get(), csp, executionTime(request), listener);
    }

    /** The device's type when the SRV may target it; for a host that does not say the type, the SRV's only or PPMID target. */
    private static DeviceType targetType(SrvRoute srv, CommsHubRoute route) {
        DeviceType type = route.deviceType();
        if (type != null) {
            return srv.routes().containsKey(type) ? type : null;
        }
        if (srv.routes().containsKey(DeviceType.PPMID)) {
            return DeviceType.PPMID;
        }
        return srv.routes().keySet().stream().findFirst().orElse(null);
    }

    /** Why the parameters do not fit the SRV's schema, or null. */
    static String payloadProblem(SrvRoute srv, Map<String, String> parameters) {
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (name.equals(ServiceRequest.USE_CASE)) {
                continue;
            }
            if (name.equals(ServiceRequest.EXECUTION_DATE_TIME)) {
                if (!srv.futureDated()) {
                    return "payload." + name + " is refused: the SRV is not future-dated";
                }
                String problem = new PayloadField(name, "instant", false).problem(parameters.get(name));
                if (problem != null) {
                    return problem;
                }
                continue;
            }
            Optional<PayloadField> field = srv.payload().stream().filter(f -> f.name().equals(name)).findFirst();
            if (field.isEmpty()) {
                if (srv.payload().isEmpty()) {
                    continue; // an SRV without payload fields ignores parameters (e.g. the host's campaignId)
                }
                return "payload." + name + " is not a field of the SRV; fields: "
                        + srv.payload().stream().map(PayloadField::name).toList();
            }
            String problem = field.get().problem(parameters.get(name));
            if (problem != null) {
                return problem;
            }
        }
        for (PayloadField f : srv.payload()) {
            if (f.required() && !parameters.containsKey(f.name())) {
                return "payload." + f.name() + " (" + f.type() + ") is required";
            }
        }
        return null;
    }

    /** When a future-dated request runs: its Execution Date Time when ahead of the clock, else null (at once). */
    private Instant executionTime(ServiceRequest request) {
        String at = request.parameters().get(ServiceRequest.EXECUTION_DATE_TIME);
        if (at == null) {
            return null;
        }
        Instant when = Instant.parse(at.trim());
        return when.isAfter(clock.instant()) ? when : null;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Frees the device for another firmware update and cancels the request's command at its CSP (or drops it
     * when it waits for its Execution Date Time).
     */
    @Override
    public void cancel(String requestId) {
        relay.cancel(requestId);
    }

    /** Rejects later requests and stops the DCC schedules; the CSPs belong to the host and stay open. */
    @Override
    public void close() {
        closed = true;
        answers.close();
    }
}
