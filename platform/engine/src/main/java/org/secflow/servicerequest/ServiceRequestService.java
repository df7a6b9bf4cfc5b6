package org.secflow.servicerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.secflow.access.User;
import org.secflow.inventory.Device;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.DeviceUpdate;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.InventoryService;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.json.JsonMappers;
import org.secflow.problem.DomainProblem;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;
import org.secflow.rules.RuleFinding;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Dsp;
import org.secflow.store.GroupCommit;

/**
 * The Service Request path: every request is decided by the rules in service (SRV applicability, Alt HAN
 * restrictions, Registered Supplier access), the decision is audited before the answer, and accepted requests are
 * answered from the SMI (8.2, 8.4, 12.2) or handed to the configured DSP plugin with their payload as parameters
 * (every other SRV; the DSP answers non-device SRVs itself and sends device SRVs through the CSP of the hub's region,
 * docs/architecture.md); the DSP's DUIS-shaped responses are stored with the request ({@link DspProgress}).
 *
 * <p>One rule-set version decides a whole request. A request is all or nothing: if the rules reject it for any of
 * its devices nothing is sent. A User holding several DCC User Roles that names none is judged in the role that fits
 * the devices ({@link RoleChoice}); a rejection that involves access (ACCESS-* rules: the User may not act on a
 * device, or it is not in the SMI) carries only that rule's finding, the same for a missing and a foreign device,
 * so that nothing about the device is disclosed.
 *
 * <p>About 380 lines, kept whole: it is the one path of a request (parse, facts, decide, audit, record, hand to the
 * DSP) in the order the paragraph above gives; the facts are {@link ServiceRequestFacts}, the role choice
 * {@link RoleChoice}, the SQL {@link ServiceRequestDao}, the DSP's answers {@link DspProgress}, the waits of
 * future-dated requests {@link FutureDatedRequests}.
 */
public final class ServiceRequestService implements AutoCloseable {
    /**
     * How long a request for the DSP waits for the recording of device events to come within its limit before it is
     * deferred: under a load above what the store records, requests wait (taking no processor from the event
     * writer) and the accepted rate settles at the recording rate; only a longer stall answers 503.
     */
    public static final java.time.Duration ADMISSION_WAIT = java.time.Duration.ofSeconds(1);
    /** Most devices in one request. */
    public static final int MAX_DEVICES = 1000;
    private static final Set<String> SMI_SRVS = Set.of("8.2", "8.4", "12.2");
    /** Appointments and consents are in force on days of Great Britain. */
    private static final java.time.ZoneId GB = java.time.ZoneId.of("Europe/London");
    /**
     * Request ids are time-ordered UUIDs (version 7, RFC 9562): each new request's keys go at the end of the
     * {@code service_request} and {@code service_request_device} primary-key indexes instead of at a random place,
     * so inserting them touches index pages already in HSQLDB's row cache. With random (version 4) ids the cache
     * kept reading and evicting index rows under load (JFR: {@code DataFileCache.getFromFile}, {@code Cache.cleanUp}
     * in the group-commit writer); README "Benchmarks".
     */
    private static final TimeBasedEpochGenerator REQUEST_IDS = Generators.timeBasedEpochGenerator();

    private final Jdbi jdbi;
    private final RuleBase rules;
    private final InventoryService smi;
    private final FirmwareImageCatalogue images;
    private final Supplier<Optional<Dsp>> dsp;
    private final Clock clock;
    private final ServiceRequestStore store;
    private final DspProgress progress;
    private final DeviceEventWriter events;
    private final GroupCommit writes;
    private final DecisionCounts decisionCounts = new DecisionCounts();
    private final org.secflow.updates.FirmwareUpdateClaims claims = new org.secflow.updates.FirmwareUpdateClaims();
    private final ObjectMapper json = JsonMappers.payloads();
    private final String node;
    private final java.util.function.Consumer<Device> routeKnown;
    private final java.time.Duration maxRecordingLag;

    /**
     * @param writes commits each decision's request, devices and audit rows together with other requests' (group
     *        commit); owned by the caller, who closes it after this service
     * @param node this process's id among the processes sharing the database ({@code <data>/node-id}): the future-dated
     *        requests it hands to the DSP are its own to hand over again after a restart ({@link #resumeScheduled})
     * @param routeKnown told each device a decision read, before the request goes to the DSP, which asks the host for
     *        the device's route next ({@code SmiInventoryLookup#known})
     * @param maxRecordingLag how far behind the DSP's device events may be recorded before a request for the DSP
     *        waits, up to {@link #ADMISSION_WAIT}, and is then deferred ({@link ServiceRequestDeferredException});
     *        positive
     * @throws IllegalArgumentException when {@code maxRecordingLag} is not positive
     */
    public ServiceRequestService(Jdbi jdbi, GroupCommit writes, RuleBase rules, InventoryService smi,
                                 FirmwareImageCatalogue images, Supplier<Optional<Dsp>> dsp, Clock clock, String node,
                                 java.util.function.Consumer<Device> routeKnown, java.time.Duration maxRecordingLag) {
        if (maxRecordingLag.isNegative() || maxRecordingLag.isZero()) {
            throw new IllegalArgumentException("the longest recording lag must be positive, got " + maxRecordingLag);
        }
        this.maxRecordingLag = maxRecordingLag;
        this.node = node;
        this.routeKnown = routeKnown;
        this.jdbi = jdbi;
        this.writes = writes;
        this.rules = rules;
        this.smi = smi;
        this.images = images;
        this.dsp = dsp;
        this.clock = clock;
        this.store = new ServiceRequestStore(jdbi, writes);
        this.events = new DeviceEventWriter(jdbi, DeviceEventWriter.gatherWithin(maxRecordingLag));
        this.progress = new DspProgress(store, events, smi, clock);
    }

    /**
     * Decides and, when accepted, carries out a Service Request.
     *
     * @return the accepted request with its state
     * @throws InvalidFieldException naming the field for a malformed request (not audited: nothing was decided)
     * @throws ForbiddenException when the User holds no DCC User Role, or not the one named
     * @throws ServiceRequestRejectedException with the violations when the rules reject it (audited)
     * @throws ServiceRequestDeferredException for an SRV the DSP carries while the DSP's device events are recorded
     *        further behind than the limit for longer than {@link #ADMISSION_WAIT} (not audited: nothing was decided)
     */
    public ServiceRequestView submit(User user, ServiceRequestSubmission s) {
        String srv = srv(s.srv());
        Parsed parsed = parse(srv, s);
        List<String> roles = roles(user, s.userRole());
        if (!SMI_SRVS.contains(srv) && !events.awaitLagWithin(maxRecordingLag, ADMISSION_WAIT)) {
            throw new ServiceRequestDeferredException(srv, events.lag(), maxRecordingLag);
        }
        LoadedRules version = rules.current();
        Instant now = clock.instant();
        java.time.LocalDate day = java.time.LocalDate.ofInstant(now, GB);
        Map<String, Optional<Device>> devices = new java.util.HashMap<>();
        if (parsed.preNotification() == null) {
            parsed.deviceIds().forEach(d -> devices.put(d, smi.find(d)));
        }
        RoleChoice.Verdict verdict = jdbi.withHandle(h -> RoleChoice.judge(version, roles,
                role -> facts(h, srv, role, user, day, parsed, devices)));
        String acceptedRole = verdict.acceptedRole();
        if (acceptedRole == null) {
            List<RuleFinding> violations = verdict.violations();
            decided(srv, "REJECTED");
            store.auditAlone(new AuditEntry(now, user.userId(), user.party(), roles.size() == 1 ? roles.get(0) : null, srv,
                    parsed.deviceIds(), "REJECTED", toJson(violations), version.version(), null));
            throw new ServiceRequestRejectedException(srv, violations, version.version());
        }
        String requestId = REQUEST_IDS.generate().toString();
        if (SMI_SRVS.contains(srv)) {
            String response;
            try {
                response = toJson(answerFromSmi(srv, parsed, devices));
            } catch (DomainProblem e) {
                RuleFinding v = new RuleFinding("SMI-" + (e.field() == null ? "REQUEST" : e.field()), e.getMessage(), e.rule());
                decided(srv, "REJECTED");
                store.auditAlone(new AuditEntry(now, user.userId(), user.party(), acceptedRole, srv, parsed.deviceIds(),
                        "REJECTED", toJson(List.of(v)), version.version(), null));
                throw e;
            }
            record(requestId, srv, user, acceptedRole, parsed, RequestState.COMPLETED, version, response, now);
            // answered at once: the view is what was just written, no need to read it back
            return asWritten(requestId, srv, user, acceptedRole, RequestState.COMPLETED, version, response, now, parsed.deviceIds());
        } else {
            try {
                record(requestId, srv, user, acceptedRole, parsed, RequestState.ACCEPTED, version, null, now);
            } catch (UpdateInProgress e) {
                // another SRV 11.4 or a campaign (in this process or another sharing the database) took the device
                // between the decision and the write: the rule's own rejection, audited
                RuleFinding v = new RuleFinding("ALTHAN-11.4-IN-PROGRESS", "a firmware update is already in progress for device "
                        + e.deviceId + "; this request is blocked",
                        "DCC Preliminary Impact Assessment for SECMP0170, section 4.1.1 (Firmware Distribution Management)");
                decided(srv, "REJECTED");
                store.auditAlone(new AuditEntry(now, user.userId(), user.party(), acceptedRole, srv, parsed.deviceIds(),
                        "REJECTED", toJson(List.of(v)), version.version(), null));
                throw new ServiceRequestRejectedException(srv, List.of(v), version.version());
            }
            if (parsed.executeAt() != null) {
                parsed.deviceIds().forEach(d -> progress.waitsForExecutionTime(requestId, d));
            }
            devices.values().forEach(d -> d.ifPresent(routeKnown));
            boolean allTaken = progress.dispatch(dsp.get(), requestId, srv, user.userId(), acceptedRole, parsed.deviceIds(),
                    parsed.deviceIds().size() > 1, parsed.parameters(), parsed.image().map(RegisteredFirmwareImage::toSpi).orElse(null));
            if (!allTaken) {
                return find(requestId).orElseThrow(); // with the DSP's refusal as recorded
            }
            // taken by the DSP: the answer is the request as accepted, as for the SMI's answers above. Its events come
            // later, on the plugins' threads, through the event writer; reading the request back here cost a third of
            // the request threads' CPU in the bench-http mix (docs/performance.md) and could only add a first event
            // or two by chance
            return asWritten(requestId, srv, user, acceptedRole, RequestState.ACCEPTED, version, null, now, parsed.deviceIds());
        }
    }

    /** The view of a request as {@link #record} just wrote it: its devices in its state, no history or responses yet. */
    private static ServiceRequestView asWritten(String requestId, String srv, User user, String role, RequestState state,
                                                LoadedRules version, String response, Instant now, List<String> deviceIds) {
        return new ServiceRequestView(requestId, srv, user.userId(), user.party(), role, state.name(), version.version(),
                response, now, now, deviceIds.stream().map(d -> new ServiceRequestView.DeviceProgress(d, state.name(), null)).toList(),
                List.of(), List.of(), List.of());
    }

    /** Writes the device events still queued and stops their writer; call before the store's group commit closes. */
    @Override
    public void close() {
        events.close();
    }

    /** A request with its devices' progress and history. */
    public Optional<ServiceRequestView> find(String requestId) {
        return store.find(requestId);
    }

    /** Audited decisions, newest first; null filters match all; at most {@code limit}. */
    public List<Map<String, Object>> decisions(String userId, String srv, String outcome, int limit) {
        return store.audit(userId, srv, outcome, limit);
    }

    private void record(String id, String srv, User user, String role, Parsed p, RequestState state, LoadedRules version,
                        String response, Instant now) {
        writes.writeBatched((h, batches) -> {
            if (srv.equals("11.4")) {
                // one firmware update in progress per device, across processes: the claim is taken with the request
                for (String d : p.deviceIds()) {
                    if (!claims.claimDevice(h, id, d, now)) {
                        throw new UpdateInProgress(d);
                    }
                }
            }
            ServiceRequestStore.insertRequest(batches, id, srv, user.userId(), user.party(), role, state.name(), version.version(), response, now);
            for (String d : p.deviceIds()) {
                ServiceRequestStore.insertDevice(batches, id, d, srv, state, now);
            }
            if (p.executeAt() != null) {
                String parameters = toJson(p.parameters());
                String sha = p.image().map(RegisteredFirmwareImage::sha256).orElse(null);
                for (String d : p.deviceIds()) {
                    ServiceRequestStore.insertScheduled(batches, id, d, node, p.executeAt(), parameters, sha);
                }
            }
            ServiceRequestStore.audit(batches, new AuditEntry(now, user.userId(), user.party(), role, srv, p.deviceIds(), "ACCEPTED",
                    null, version.version(), id));
        });
        decided(srv, "ACCEPTED");
    }

    private void decided(String srv, String outcome) {
        decisionCounts.record(srv, outcome);
    }

    /** This process's decisions by SRV and outcome, as audited. */
    public DecisionCounts decisionCounts() {
        return decisionCounts;
    }

    private Object answerFromSmi(String srv, Parsed p, Map<String, Optional<Device>> devices) {
        return switch (srv) {
            case "12.2" -> smi.preNotify(p.preNotification());
            case "8.4" -> smi.update(p.deviceIds().get(0), p.update());
            default -> p.deviceIds().stream().map(d -> devices.get(d).orElseThrow()).toList();
        };
    }

    private static List<ServiceRequestFact> facts(org.jdbi.v3.core.Handle h, String srv, String role, User user,
                                                  java.time.LocalDate day, Parsed p, Map<String, Optional<Device>> devices) {
        if (p.preNotification() != null) {
            ServiceRequestFact f = ServiceRequestFacts.forPreNotification(h, role, user, p.preNotification());
            f.setRequestDate(day);
            return List.of(f);
        }
        List<ServiceRequestFact> out = new ArrayList<>(p.deviceIds().size());
        for (String d : p.deviceIds()) {
            ServiceRequestFact f = ServiceRequestFacts.forDevice(h, srv, role, user, d, devices.get(d), p.image(), p.imageGiven());
            if (srv.equals("8.11")) {
                ServiceRequestFacts.forHanDeviceLogUpdate(h, f, p.parameters());
            }
            f.setRequestDate(day);
            out.add(f);
        }
        return out;
    }

    /** A device of an SRV 11.4 found claimed by another update when the request was written. */
    private static final class UpdateInProgress extends RuntimeException {
        final String deviceId;

        UpdateInProgress(String deviceId) {
            super("a firmware update is already in progress for device " + deviceId, null, false, false);
            this.deviceId = deviceId;
        }
    }

    /** @param executeAt the Execution Date Time of a request to run later, null for one to run now */
    private record Parsed(List<String> deviceIds, DevicePreNotification preNotification, DeviceUpdate update,
                          Optional<RegisteredFirmwareImage> image, boolean imageGiven, Map<String, String> parameters,
                          Instant executeAt) {
    }

    private Parsed parse(String srv, ServiceRequestSubmission s) {
        Map<String, Object> payload = s.payload() == null ? Map.of() : s.payload();
        if (srv.equals("12.2")) {
            DevicePreNotification p = convert(payload, DevicePreNotification.class);
            String id = deviceId("payload.deviceId", p.deviceId());
            return new Parsed(List.of(id), p, null, Optional.empty(), false, Map.of(), null);
        }
        List<String> ids = targets(s);
        DeviceUpdate update = null;
        if (srv.equals("8.4")) {
            if (ids.size() != 1) {
                throw new InvalidFieldException("deviceId", "SRV 8.4 updates one device", "give exactly one device");
            }
            update = convert(payload, DeviceUpdate.class);
        }
        Object sha = payload.get("firmwareImageSha256");
        if (sha != null && !(sha instanceof String)) {
            throw new InvalidFieldException("payload.firmwareImageSha256", "a SHA-256 in hex", "not a string");
        }
        Optional<RegisteredFirmwareImage> image = sha == null ? Optional.empty() : images.findBySha256((String) sha);
        Map<String, String> parameters = update == null ? ServiceRequestPayload.parameters(payload) : Map.of();
        return new Parsed(ids, null, update, image, sha != null, parameters, FutureDatedRequests.executeAt(parameters, clock));
    }

    /**
     * Hands this node's future-dated requests that were waiting for their Execution Date Time when the process stopped
     * to the DSP again ({@link FutureDatedRequests#resume}). Call once, after the DSP plugin is loaded.
     *
     * @return how many devices' requests were handed over
     */
    public int resumeScheduled() {
        return new FutureDatedRequests(store, progress, images, dsp, json).resume(node);
    }

    private <T> T convert(Map<String, Object> payload, Class<T> type) {
        try {
            return json.convertValue(payload, type);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? "payload." + m.getPath().get(0).getFieldName() : "payload";
            throw new InvalidFieldException(field, "the payload has the documented fields and types",
                    e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m2 ? m2.getOriginalMessage() : e.getMessage());
        }
    }

    private static List<String> targets(ServiceRequestSubmission s) {
        if (s.deviceId() != null && s.deviceIds() != null) {
            throw new InvalidFieldException("deviceIds", "give deviceId or deviceIds, not both", "both deviceId and deviceIds are given");
        }
        List<String> raw = s.deviceId() != null ? List.of(s.deviceId()) : s.deviceIds();
        if (raw == null || raw.isEmpty()) {
            throw new InvalidFieldException("deviceId", "a Service Request names its target device(s)", "deviceId or deviceIds is required");
        }
        if (raw.size() > MAX_DEVICES) {
            throw new InvalidFieldException("deviceIds", "at most " + MAX_DEVICES + " devices per request", raw.size() + " devices given");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ids.add(deviceId(s.deviceId() != null ? "deviceId" : "deviceIds[" + i + "]", raw.get(i)));
        }
        return List.copyOf(ids);
    }

    private static String deviceId(String field, String value) {
        try {
            return DeviceId.parse(value).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "a Device ID is an EUI-64 (16 hex digits)", e.getMessage());
        }
    }

    private static String srv(String srv) {
        if (srv == null || !srv.matches("\\d{1,2}(\\.\\d{1,2}){1,2}")) {
            throw new InvalidFieldException("srv", "a Service Request Variant like 11.4 or 8.7.2", "srv '" + srv + "' is not an SRV");
        }
        return srv;
    }

    private static List<String> roles(User user, String named) {
        List<String> held = user.dccUserRoles().stream().map(Enum::name).sorted().toList();
        if (held.isEmpty()) {
            throw new ForbiddenException("Service Requests are sent by DCC Users in a DCC User Role",
                    "user " + user.userId() + " holds no DCC User Role");
        }
        if (named == null) {
            return held;
        }
        if (!held.contains(named)) {
            throw new InvalidFieldException("userRole", "a User sends in a role it holds", "user " + user.userId()
                    + " does not hold role '" + named + "'; held: " + held);
        }
        return List.of(named);
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
