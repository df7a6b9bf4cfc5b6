package org.secflow.plugins.dspreference;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-device SRVs the DSP answers itself (DUIS "Service Request matrix", Non-Device column), each with one
 * {@code DEVICE_RESPONSE} of GBCS use case {@code DSP} and response code {@code I0}, or {@code FAILED} with a reason:
 * <ul>
 *   <li>12.1 Request WAN Matrix: {@code wanVariant} as the CSP of the hub's region reports it, verbatim (the CSP
 *       Central and South sends {@code " "} for an unconfirmed variant), and {@code wanVariantReadAs}, the variant as
 *       a User reads it: {@code Unknown} for the space (MP106 "CHISM update for Unknown WAN Variant");</li>
 *   <li>5.1 Create Schedule: the DCC runs {@code scheduledSrv} (a DCC-scheduled SRV) for the device every
 *       {@code intervalMs} until 5.3 deletes the schedule; each run's result follows on the 5.1 request with
 *       {@code scheduleId} and {@code run}. The response carries {@code scheduleId} (the 5.1 request id). Schedules
 *       are kept in memory: they end with the DSP;</li>
 *   <li>5.2 Read Schedule: {@code scheduleIds} of the device, space-separated; 5.3 Delete Schedule: stops
 *       {@code scheduleId}, or fails when the device has no such schedule;</li>
 *   <li>8.3, 8.6, 8.13 and 8.14.1-8.14.4 (the last to a Communications Hub Function only): acknowledged as recorded.</li>
 * </ul>
 */
final class DspAnswers implements AutoCloseable {
    static final String DSP_USE_CASE = "DSP";
    private static final Logger LOG = LoggerFactory.getLogger(DspAnswers.class);

    private record Schedule(DeviceId device, String srv, ScheduledFuture<?> future) {
    }

    private final ReferenceDsp dsp;
    private final SrvCatalogue catalogue;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    DspAnswers(ReferenceDsp dsp, SrvCatalogue catalogue, ScheduledExecutorService scheduler, Clock clock) {
        this.dsp = dsp;
        this.catalogue = catalogue;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Answers the request on the scheduler; returns the acknowledgement (rejected for a request it cannot take). */
    ServiceRequestAck answer(ServiceRequest request, SrvRoute srv, CommsHubRoute route, Csp csp,
                             DeviceEventListener listener) {
        String id = request.requestId();
        Map<String, String> p = request.parameters();
        Map<String, String> body = new HashMap<>();
        String failure = null;
        switch (srv.srv()) {
            case "12.1" -> {
                Optional<String> variant = csp.wanVariant(route.commsHubId());
                if (variant.isEmpty()) {
                    failure = "the CSP of region " + route.region() + " reports no WAN Variant";
                } else {
                    body.put("wanVariant", variant.get());
                    body.put("wanVariantReadAs", variant.get().isBlank() ? "Unknown" : variant.get());
                    body.put("region", route.region().name());
                }
            }
            case "5.1" -> {
                Optional<SrvRoute> scheduled = catalogue.find(p.get("scheduledSrv"));
                if (scheduled.isEmpty() || !scheduled.get().dccScheduled()) {
                    return ServiceRequestAck.rejected(id, "SRV 5.1: payload.scheduledSrv " + p.get("scheduledSrv")
                            + " is not an SRV the DCC may schedule (the DUIS matrix's DCC Scheduled column)");
                }
                long interval = Long.parseLong(p.get("intervalMs").trim());
                if (interval < 1000) {
                    return ServiceRequestAck.rejected(id, "SRV 5.1: payload.intervalMs must be at least 1000");
                }
                start(request, scheduled.get(), interval, listener);
                body.put("scheduleId", id);
            }
            case "5.2" -> body.put("scheduleIds", String.join(" ", new TreeSet<>(schedules.entrySet().stream()
                    .filter(e -> e.getValue().device().equals(request.deviceId())).map(Map.Entry::getKey).toList())));
            case "5.3" -> {
                Schedule s = schedules.get(p.get("scheduleId"));
                if (s == null || !s.device().equals(request.deviceId())) {
                    failure = "device " + request.deviceId() + " has no DCC schedule " + p.get("scheduleId");
                } else {
                    schedules.remove(p.get("scheduleId"));
                    s.future().cancel(false);
                    body.put("scheduleId", p.get("scheduleId"));
                }
            }
            default -> {
                if (srv.srv().startsWith("8.14.") && route.deviceType() != null && route.deviceType() != DeviceType.CHF) {
                    return ServiceRequestAck.rejected(id, "SRV " + srv + " is about a Communications Hub Function;"
                            + " device " + request.deviceId() + " is a " + route.deviceType());
                }
                body.put("recorded", "true");
            }
        }
        Map<String, String> data = new HashMap<>(body);
        data.put(DeviceEvent.GBCS_USE_CASE, DSP_USE_CASE);
        data.put(DeviceEvent.CRITICAL, Boolean.toString(srv.critical()));
        if (failure != null) {
            data.put(DeviceEvent.RESPONSE_CODE, "E");
            data.put("reason", failure);
        } else {
            data.put(DeviceEvent.RESPONSE_CODE, DeviceEvent.SUCCESS);
        }
        DeviceEvent event = new DeviceEvent(id, request.deviceId(),
                failure == null ? DeviceEvent.Stage.DEVICE_RESPONSE : DeviceEvent.Stage.FAILED, null, data, clock.instant());
        try {
            scheduler.execute(() -> emit(listener, event));
        } catch (RejectedExecutionException e) {
            return ServiceRequestAck.rejected(id, "the DSP is stopping");
        }
        return ServiceRequestAck.accepted(id);
    }

    private void start(ServiceRequest create, SrvRoute scheduled, long intervalMs, DeviceEventListener listener) {
        AtomicLong runs = new AtomicLong();
        String scheduleId = create.requestId();
        Runnable run = () -> {
            long n = runs.incrementAndGet();
            ServiceRequest child = new ServiceRequest(scheduleId + "#" + n, scheduled.srv(), create.userId(),
                    create.userRole(), create.deviceId(), Map.of(), null);
            Map<String, String> tag = Map.of("scheduleId", scheduleId, "run", Long.toString(n));
            ServiceRequestAck ack = dsp.submit(child, event -> {
                if (event.stage() == DeviceEvent.Stage.DEVICE_RESPONSE || event.stage() == DeviceEvent.Stage.FAILED) {
                    emit(listener, CommandRelay.withData(event, tag).withCorrelationId(scheduleId));
                }
            });
            if (!ack.accepted()) {
                Map<String, String> data = new HashMap<>(tag);
                data.put("reason", ack.reason());
                data.put(DeviceEvent.RESPONSE_CODE, "E");
                emit(listener, new DeviceEvent(scheduleId, create.deviceId(), DeviceEvent.Stage.FAILED, null, data,
                        clock.instant()));
            }
        };
        ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(run, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        schedules.put(scheduleId, new Schedule(create.deviceId(), scheduled.srv(), future));
    }

    private static void emit(DeviceEventListener listener, DeviceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("listener for request {} threw on {}", event.correlationId(), event.stage(), e);
        }
    }

    /** Stops every DCC schedule. */
    @Override
    public void close() {
        schedules.values().forEach(s -> s.future().cancel(false));
        schedules.clear();
    }
}
