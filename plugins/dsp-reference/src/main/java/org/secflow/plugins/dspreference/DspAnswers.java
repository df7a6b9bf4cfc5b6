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
 *       {@code scheduleId} and {@code run}. The response carries {@code scheduleId} (the 5.1 request id). With a
 *       data folder ({@link org.secflow.spi.ProviderContext#dataDirectory}) the schedules are kept there
 *       ({@link DccScheduleFile}) and run on after a restart of the platform, at the same times (run n at creation
 *       plus n intervals; runs due while the platform was down are skipped, not made up), until 5.3 deletes them.
 *       The SPI ties a request's events to the listener of the call that submitted it, which a restart ends: the
 *       runs of a schedule restored from the folder reach the devices but their results are only logged. Without a
 *       data folder, schedules end with the DSP;</li>
 *   <li>5.2 Read Schedule: {@code scheduleIds} of the device, space-separated; 5.3 Delete Schedule: stops
 *       {@code scheduleId}, or fails when the device has no such schedule;</li>
 *   <li>8.3, 8.6, 8.13 and 8.14.1-8.14.4 (the last to a Communications Hub Function only): acknowledged as recorded.</li>
 * </ul>
 */
final class DspAnswers implements AutoCloseable {
    static final String DSP_USE_CASE = "DSP";
    private static final Logger LOG = LoggerFactory.getLogger(DspAnswers.class);

    private record Schedule(DccScheduleFile.Entry entry, ScheduledFuture<?> future) {
        DeviceId device() {
            return entry.device();
        }
    }

    private final ReferenceDsp dsp;
    private final SrvCatalogue catalogue;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
    private final DccScheduleFile file;

    /**
     * @param dataDirectory where the schedules are kept across restarts (null: in memory only); the schedules found
     *     there start again at once
     */
    DspAnswers(ReferenceDsp dsp, SrvCatalogue catalogue, ScheduledExecutorService scheduler, Clock clock,
               java.nio.file.Path dataDirectory) {
        this.dsp = dsp;
        this.catalogue = catalogue;
        this.scheduler = scheduler;
        this.clock = clock;
        this.file = dataDirectory == null ? null : new DccScheduleFile(dataDirectory);
        if (file != null) {
            for (DccScheduleFile.Entry e : file.read()) {
                if (catalogue.find(e.srv()).filter(SrvRoute::dccScheduled).isEmpty()) {
                    LOG.warn("DCC schedule {} names SRV {}, which the DCC does not schedule; dropped", e.scheduleId(), e.srv());
                    continue;
                }
                start(e, event -> LOG.info("DCC schedule {} run {} of SRV {} for {}: {} {}", e.scheduleId(),
                        event.data().get("run"), e.srv(), e.device(), event.stage(), event.data()));
            }
            LOG.info("{} DCC schedules restored from {}", schedules.size(), dataDirectory);
        }
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
                DccScheduleFile.Entry entry = new DccScheduleFile.Entry(id, request.deviceId(), scheduled.get().srv(),
                        request.userId(), request.userRole(), interval, clock.millis());
                start(entry, listener);
                persist();
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
                    persist();
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

    /** Runs the schedule from its next due time on; run n is due at its start plus n intervals. */
    private void start(DccScheduleFile.Entry e, DeviceEventListener listener) {
        String scheduleId = e.scheduleId();
        long now = clock.millis();
        long done = now <= e.startMs() ? 0 : (now - e.startMs()) / e.intervalMs();
        AtomicLong runs = new AtomicLong(done);
        Runnable run = () -> {
            long n = runs.incrementAndGet();
            ServiceRequest child = new ServiceRequest(scheduleId + "#" + n, e.srv(), e.userId(), e.userRole(),
                    e.device(), Map.of(), null);
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
                emit(listener, new DeviceEvent(scheduleId, e.device(), DeviceEvent.Stage.FAILED, null, data,
                        clock.instant()));
            }
        };
        long firstDelay = Math.max(0, e.startMs() + (done + 1) * e.intervalMs() - now);
        ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(run, firstDelay, e.intervalMs(), TimeUnit.MILLISECONDS);
        schedules.put(scheduleId, new Schedule(e, future));
    }

    /** Writes the schedules to the data folder, when there is one. */
    private void persist() {
        if (file != null) {
            file.write(schedules.values().stream().map(Schedule::entry).toList());
        }
    }

    private static void emit(DeviceEventListener listener, DeviceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("listener for request {} threw on {}", event.correlationId(), event.stage(), e);
        }
    }

    /** Stops every DCC schedule; those kept in the data folder run again at the next start. */
    @Override
    public void close() {
        schedules.values().forEach(s -> s.future().cancel(false));
        schedules.clear();
    }
}
