package org.secflow.campaign;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;

/**
 * The Service Requests of a wave's sending loop, sent to the DSP as the campaign's creator: SRV 11.4 Update Firmware
 * with the image, SRV 11.2 Read Firmware Version (DUIS, Service Request matrix). Request ids are
 * {@code <campaign id, 8 characters>-<wave>-<n>}. Every answer, and a refusal or a DSP failure as a FAILED event of
 * the request, goes to {@code events}. Used on the loop's thread only.
 */
final class WaveRequests {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WaveRequests.class);
    private final String campaignId;
    private final int wave;
    private final FirmwareImage image;
    private final String userId;
    private final String userRole;
    private final Supplier<Optional<Dsp>> dsp;
    private final Consumer<DeviceEvent> events;
    private final Clock clock;
    private final Consumer<java.util.List<String>> routesAhead;
    private long counter;

    /**
     * @param routesAhead reads the routes of devices about to be sent requests in one go (the SMI's
     *        {@link org.secflow.inventory.SmiInventoryLookup#readAhead}), or does nothing
     */
    WaveRequests(String campaignId, int wave, FirmwareImage image, String userId, String userRole,
                 Supplier<Optional<Dsp>> dsp, Consumer<DeviceEvent> events, Clock clock,
                 Consumer<java.util.List<String>> routesAhead) {
        this.routesAhead = routesAhead;
        this.campaignId = campaignId;
        this.wave = wave;
        this.image = image;
        this.userId = userId;
        this.userRole = userRole;
        this.dsp = dsp;
        this.events = events;
        this.clock = clock;
    }

    /** A new request id. */
    String nextId() {
        return campaignId.substring(0, 8) + "-" + wave + "-" + (++counter);
    }

    /** The DSP now (null-safe: empty when none is configured). */
    Optional<Dsp> target() {
        return dsp.get();
    }

    /** Reads the routes of the devices about to be sent requests in one go; a failure only costs a query per request later. */
    void readRoutesAhead(java.util.List<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return;
        }
        try {
            routesAhead.accept(deviceIds);
        } catch (RuntimeException e) {
            LOG.warn("campaign {} wave {}: routes of {} devices not read ahead; the DSP reads each", campaignId, wave,
                    deviceIds.size(), e);
        }
    }

    /** SRV 11.4 with the campaign's image, under {@code requestId}. */
    void updateFirmware(Optional<Dsp> target, String requestId, String deviceId) {
        submit(target, new ServiceRequest(requestId, "11.4", userId, userRole, new DeviceId(deviceId),
                Map.of("campaignId", campaignId), image));
    }

    /** SRV 11.2 (a battery read or a version read); returns its request id. */
    String readFirmwareVersion(String deviceId) {
        String requestId = nextId();
        submit(dsp.get(), new ServiceRequest(requestId, "11.2", userId, userRole, new DeviceId(deviceId),
                Map.of("campaignId", campaignId), null));
        return requestId;
    }

    /** Tells the DSP the request is given up ({@link Dsp#cancel}); a DSP failure is logged, not thrown. */
    void cancel(String requestId) {
        if (requestId == null) {
            return;
        }
        dsp.get().ifPresent(d -> {
            try {
                d.cancel(requestId);
            } catch (RuntimeException e) {
                LOG.warn("the DSP could not cancel request {}", requestId, e);
            }
        });
    }

    private void submit(Optional<Dsp> target, ServiceRequest request) {
        ServiceRequestAck ack;
        if (target.isEmpty()) {
            ack = ServiceRequestAck.rejected(request.requestId(), "no DSP is configured");
        } else {
            try {
                ack = target.get().submit(request, events::accept);
            } catch (RuntimeException e) {
                ack = ServiceRequestAck.rejected(request.requestId(), "the DSP failed: " + e.getMessage());
            }
        }
        if (!ack.accepted()) {
            events.accept(new DeviceEvent(request.requestId(), request.deviceId(), DeviceEvent.Stage.FAILED, null,
                    Map.of("reason", "DSP_REJECTED: " + ack.reason()), clock.instant()));
        }
    }
}
