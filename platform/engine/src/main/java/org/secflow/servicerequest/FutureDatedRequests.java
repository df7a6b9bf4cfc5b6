package org.secflow.servicerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.problem.InvalidFieldException;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.ServiceRequest;

/**
 * Future-dated Service Requests (DCC User Interface Specification: a request with an Execution Date Time runs at that
 * time). The DSP holds a waiting command in memory only; the platform keeps each waiting device in
 * {@code service_request_scheduled} (V22__service_request_scheduled.sql), written with the request and removed with
 * the device's first event ({@link DeviceEventWriter}), and hands the rows of its own node to the DSP again when it
 * starts, so that a restart or a crash before the time loses none.
 */
final class FutureDatedRequests {
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };

    private final ServiceRequestStore store;
    private final DspProgress progress;
    private final FirmwareImageCatalogue images;
    private final Supplier<Optional<Dsp>> dsp;
    private final ObjectMapper json;

    FutureDatedRequests(ServiceRequestStore store, DspProgress progress, FirmwareImageCatalogue images,
                        Supplier<Optional<Dsp>> dsp, ObjectMapper json) {
        this.store = store;
        this.progress = progress;
        this.images = images;
        this.dsp = dsp;
        this.json = json;
    }

    /**
     * The Execution Date Time of a request to run later: {@code payload.executionDateTime} when ahead of the clock, else
     * null (the request runs now; whether its SRV may be future-dated is the DSP's to say).
     *
     * @throws InvalidFieldException (422) when it is not an ISO-8601 instant
     */
    static Instant executeAt(Map<String, String> parameters, Clock clock) {
        String at = parameters.get(ServiceRequest.EXECUTION_DATE_TIME);
        if (at == null) {
            return null;
        }
        Instant when;
        try {
            when = Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("payload." + ServiceRequest.EXECUTION_DATE_TIME,
                    "an Execution Date Time is an ISO-8601 instant, e.g. 2027-01-31T23:30:00Z", "'" + at + "' is not one");
        }
        return when.isAfter(clock.instant()) ? when : null;
    }

    /**
     * Hands {@code node}'s waiting devices to the DSP again: each request runs at its time, or at once when that has
     * passed while the process was down. A device no longer waiting (its state moved on) loses its row.
     *
     * @return how many devices' requests were handed over
     * @throws IllegalStateException when a stored row's parameters are not a JSON object of strings
     */
    int resume(String node) {
        int resumed = 0;
        for (ServiceRequestDao.ScheduledRow r : store.scheduled(node)) {
            if (!RequestState.ACCEPTED.name().equals(r.state())) {
                store.unschedule(r.requestId(), r.deviceId());
                continue;
            }
            Map<String, String> parameters;
            try {
                parameters = json.readValue(r.parameters(), PARAMETERS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored parameters of request " + r.requestId() + " are not JSON", e);
            }
            FirmwareImage image = r.firmwareImageSha256() == null ? null
                    : images.findBySha256(r.firmwareImageSha256()).map(RegisteredFirmwareImage::toSpi).orElse(null);
            progress.waitsForExecutionTime(r.requestId(), r.deviceId());
            progress.dispatch(dsp.get(), r.requestId(), r.srv(), r.userId(), r.userRole(), List.of(r.deviceId()),
                    r.devices() > 1, parameters, image);
            resumed++;
        }
        return resumed;
    }
}
