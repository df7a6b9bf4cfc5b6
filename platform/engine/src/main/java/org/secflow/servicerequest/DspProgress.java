package org.secflow.servicerequest;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secflow.access.User;
import org.secflow.inventory.DeviceUpdate;
import org.secflow.inventory.InventoryService;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands accepted requests to the DSP plugin and turns its {@link DeviceEvent}s into device states (GBCS PPMID
 * firmware flow, steps 2-5): ACCEPTED_BY_CSP → SENT, DELIVERED_TO_HUB, 0x8F8A → DELIVERED, 0x8F89 → DELIVERY_FAILED,
 * 0x8F8B result 0 → ACTIVATED (else ACTIVATION_FAILED), a response → COMPLETED (for SRV 11.2, when the version
 * differs from the SMI's, the SMI updated, DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1), FAILED → FAILED. A DUIS-shaped response,
 * failure or final firmware alert (one that names its GBCS use case) is stored with the request ({@link ServiceRequestStore#response}).
 */
final class DspProgress {
    private static final Logger LOG = LoggerFactory.getLogger(DspProgress.class);

    private final ServiceRequestStore store;
    private final DeviceEventWriter events;
    private final InventoryService smi;
    private final Clock clock;
    /** requestId/deviceId of the devices waiting for their Execution Date Time ({@link #waitsForExecutionTime}). */
    private final java.util.Set<String> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DspProgress(ServiceRequestStore store, DeviceEventWriter events, InventoryService smi, Clock clock) {
        this.store = store;
        this.events = events;
        this.smi = smi;
        this.clock = clock;
    }

    /**
     * Hands each device's request to the DSP (a request per device, one request id).
     *
     * @param manyDevices the request has several devices (its state is aggregated over them), also when fewer are
     *        handed over here
     * @return whether the DSP took every device's request (a refused one is recorded FAILED here)
     */
    boolean dispatch(Optional<Dsp> dsp, String requestId, String srv, String userId, String role, List<String> devices,
                  boolean manyDevices, java.util.Map<String, String> parameters, FirmwareImage image) {
        boolean allTaken = true;
        for (String device : devices) {
            if (dsp.isEmpty()) {
                endWait(requestId, device);
                store.refused(requestId, device, "FAILED", "no DSP is configured", clock.instant());
                allTaken = false;
                continue;
            }
            ServiceRequest request = new ServiceRequest(requestId, srv, userId, role, new DeviceId(device),
                    parameters, image);
            ServiceRequestAck ack;
            try {
                ack = dsp.get().submit(request, event -> onEvent(requestId, srv, device, manyDevices, event));
            } catch (RuntimeException e) {
                LOG.warn("DSP failed on request {} for {}: {}", requestId, device, e.toString());
                ack = ServiceRequestAck.rejected(requestId, "the DSP failed: " + e.getMessage());
            }
            if (!ack.accepted()) {
                endWait(requestId, device);
                store.refused(requestId, device, "REJECTED_BY_DSP", ack.reason(), clock.instant());
                allTaken = false;
            }
        }
        return allTaken;
    }

    /**
     * The device's request waits at the DSP for its Execution Date Time and has a {@code service_request_scheduled}
     * row: the device's first event removes it.
     */
    void waitsForExecutionTime(String requestId, String device) {
        waiting.add(requestId + '/' + device);
    }

    private void endWait(String requestId, String device) {
        if (waiting.remove(requestId + '/' + device)) {
            store.unschedule(requestId, device);
        }
    }

    /**
     * Records an event without waiting for the database: it is queued for the {@link DeviceEventWriter}, which writes
     * events in groups in the order they arrive, so that the plugins' scheduler thread that delivers it goes on emulating devices (one transaction per
     * event, waited for on that thread, held the whole device path to the database's commit rate).
     */
    private void onEvent(String requestId, String srv, String device, boolean manyDevices, DeviceEvent e) {
        try {
            String deviceId = e.deviceId() == null ? device : e.deviceId().value();
            RequestState state = switch (e.stage()) {
                case ACCEPTED_BY_CSP -> RequestState.SENT;
                case DELIVERED_TO_HUB -> RequestState.DELIVERED_TO_HUB;
                case FAILED -> RequestState.FAILED;
                case DEVICE_RESPONSE -> srv.equals("11.2")
                        ? confirmVersion(deviceId, e.data().get("firmwareVersion")) : RequestState.COMPLETED;
                case DEVICE_ALERT -> alert(e);
            };
            boolean response = e.data().containsKey(DeviceEvent.GBCS_USE_CASE)
                    && e.stage() != DeviceEvent.Stage.DELIVERED_TO_HUB && e.stage() != DeviceEvent.Stage.ACCEPTED_BY_CSP;
            boolean endsWait = !waiting.isEmpty() && waiting.remove(requestId + '/' + device);
            events.add(new DeviceEventWriter.Event(requestId, deviceId, state, e.stage().name(),
                    e.alert() == null ? null : e.alert().hex(), e.data(), e.data().isEmpty() ? null : e.data().toString(),
                    e.at(), response, manyDevices, srv.equals("11.4"), endsWait));
        } catch (RuntimeException ex) {
            LOG.error("Recording event {} of request {} failed", e, requestId, ex);
        }
    }

    private static RequestState alert(DeviceEvent e) {
        GbcsAlert a = e.alert();
        return switch (a) {
            case FIRMWARE_TRANSFER_SUCCESS -> RequestState.DELIVERED;
            case FIRMWARE_TRANSFER_FAILURE -> RequestState.DELIVERY_FAILED;
            case FIRMWARE_ACTIVATION -> "0".equals(e.data().get("result")) ? RequestState.ACTIVATED : RequestState.ACTIVATION_FAILED;
        };
    }

    /** SRV 11.2: a version that differs from the SMI's updates the SMI (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    private RequestState confirmVersion(String deviceId, String version) {
        if (version != null) {
            smi.find(deviceId).filter(d -> !Objects.equals(d.firmwareVersion(), version))
                    .ifPresent(d -> smi.update(deviceId, new DeviceUpdate(null, null, version, null, null, null, null)));
        }
        return RequestState.COMPLETED;
    }
}
