package org.secflow.servicerequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.secflow.store.GroupCommit;

/**
 * Units of work on Service Requests, their device progress, events, responses and the decision audit; their SQL is
 * {@link ServiceRequestDao}.
 */
final class ServiceRequestStore {
    private final Jdbi jdbi;
    private final GroupCommit writes;

    ServiceRequestStore(Jdbi jdbi, GroupCommit writes) {
        this.writes = writes;
        this.jdbi = jdbi;
    }

    // The three inserts below are rows added to the group commit's batches: the group-commit writer is the one thread
    // through which every decision's rows reach the store, and each statement runs once per group with all its
    // callers' rows (on PostgreSQL one round trip per group instead of one per row). Plain Jdbi batches, not
    // ServiceRequestDao, whose per-call attach, configuration copy and @BindMethods reflection halved the bench-http
    // rate (3,689 against 7,043 requests/s, docs/performance.md). The request's row is added before its devices' (their
    // foreign key), so the group runs its batch first.

    private static final String INSERT_AUDIT = """
            INSERT INTO decision_audit (decided_at, user_id, party, user_role, srv, device_ids, outcome, violations,
                                        ruleset_version, request_id)
            VALUES (:at, :user, :party, :role, :srv, :devices, :outcome, :violations, :version, :request)""";
    private static final String INSERT_REQUEST = """
            INSERT INTO service_request (request_id, srv, user_id, party, user_role, state, ruleset_version, response,
                                         created_at, updated_at)
            VALUES (:id, :srv, :user, :party, :role, :state, :version, :response, :now, :now)""";
    private static final String INSERT_DEVICE = """
            INSERT INTO service_request_device (request_id, device_id, srv, state, updated_at)
            VALUES (:id, :device, :srv, :state, :now)""";

    /** One audit row, added to the group's batch. */
    static void audit(GroupCommit.Batches batches, AuditEntry e) {
        batches.add(INSERT_AUDIT)
                .bind("at", e.decidedAt()).bind("user", e.userId()).bind("party", e.party()).bind("role", e.userRole())
                .bind("srv", e.srv()).bind("devices", String.join(" ", e.deviceIds())).bind("outcome", e.outcome())
                .bind("violations", e.violationsJson()).bind("version", e.ruleSetVersion()).bind("request", e.requestId())
                .add();
    }

    /** Audits a decision that wrote nothing else (a rejection), committed with other requests' writes. */
    void auditAlone(AuditEntry e) {
        writes.writeBatched((h, batches) -> audit(batches, e));
    }

    /** The request's row, added to the group's batch (before its devices'). */
    static void insertRequest(GroupCommit.Batches batches, String id, String srv, String userId, String party, String role,
                              String state, String version, String response, Instant now) {
        batches.add(INSERT_REQUEST)
                .bind("id", id).bind("srv", srv).bind("user", userId).bind("party", party).bind("role", role)
                .bind("state", state).bind("version", version).bind("response", response).bind("now", now).add();
    }

    /** One device of the request, added to the group's batch (after the request's row). */
    static void insertDevice(GroupCommit.Batches batches, String requestId, String deviceId, String srv, RequestState state,
                             Instant now) {
        batches.add(INSERT_DEVICE)
                .bind("id", requestId).bind("device", deviceId).bind("srv", srv).bind("state", state.name()).bind("now", now)
                .add();
    }

    /** Ends a device's wait for its Execution Date Time (binds {@code id}, {@code device}). */
    static final String DELETE_SCHEDULED = "DELETE FROM service_request_scheduled WHERE request_id = :id AND device_id = :device";

    private static final String INSERT_SCHEDULED = """
            INSERT INTO service_request_scheduled (request_id, device_id, node, execute_at, parameters, firmware_image_sha256)
            VALUES (:id, :device, :node, :at, :parameters, :sha)""";

    /**
     * A device of a future-dated request that waits at the DSP for its Execution Date Time, added to the group's batch
     * (after the device's row); {@code parametersJson} the request's parameters as a JSON object.
     */
    static void insertScheduled(GroupCommit.Batches batches, String requestId, String deviceId, String node,
                                Instant executeAt, String parametersJson, String firmwareImageSha256) {
        batches.add(INSERT_SCHEDULED)
                .bind("id", requestId).bind("device", deviceId).bind("node", node).bind("at", executeAt)
                .bind("parameters", parametersJson).bind("sha", firmwareImageSha256).add();
    }

    /** The devices of {@code node}'s future-dated requests not yet sent, earliest Execution Date Time first. */
    List<ServiceRequestDao.ScheduledRow> scheduled(String node) {
        return jdbi.withExtension(ServiceRequestDao.class, d -> d.scheduled(node));
    }

    /** Forgets a device's wait for its Execution Date Time (the DSP has answered for it, or it is no longer due). */
    void unschedule(String requestId, String deviceId) {
        jdbi.useHandle(h -> h.createUpdate(DELETE_SCHEDULED).bind("id", requestId).bind("device", deviceId).execute());
    }

    /**
     * Records a device's refusal (no DSP, or the DSP refused it) at once, in its own transaction, as the
     * {@link DeviceEventWriter} would record the event: its history row, the device's state and the request's,
     * aggregated over its devices.
     */
    void refused(String requestId, String deviceId, String stage, String reason, Instant at) {
        DeviceEventWriter.Event e = new DeviceEventWriter.Event(requestId, deviceId, RequestState.FAILED, stage, null,
                Map.of(), reason, at, false, true, true, false);
        jdbi.useTransaction(h -> DeviceEventWriter.writeGroup(h, List.of(e)));
    }

    static String aggregate(List<String> states) {
        boolean allDone = states.stream().allMatch(s -> RequestState.valueOf(s).isTerminal());
        if (!allDone) {
            return states.stream().anyMatch(s -> !s.equals("ACCEPTED")) ? "IN_PROGRESS" : "ACCEPTED";
        }
        boolean anyFailed = states.stream().anyMatch(s -> s.equals("FAILED") || s.endsWith("_FAILED"));
        boolean allFailed = states.stream().allMatch(s -> s.equals("FAILED") || s.endsWith("_FAILED"));
        return allFailed ? "FAILED" : anyFailed ? "PARTIALLY_FAILED" : "COMPLETED";
    }

    /** Whether an SRV 11.4 for the device is still in progress. */
    static boolean firmwareUpdateInProgress(Handle h, String deviceId) {
        // a claim: an SRV 11.4 or a campaign, of this process or another sharing the database
        return org.secflow.updates.FirmwareUpdateClaims.deviceClaimed(h, deviceId)
                || h.attach(ServiceRequestDao.class).firmwareUpdatesInProgress(deviceId) > 0;
    }

    /**
     * The request with its devices, history, responses (bodies parsed) and alerts, read in one statement
     * ({@link ServiceRequestDao#SELECT_VIEW}); empty when there is no such request.
     */
    Optional<ServiceRequestView> find(String requestId) {
        return jdbi.withHandle(h -> h.createQuery(ServiceRequestDao.SELECT_VIEW)
                .bind("id", requestId)
                .reduceResultSet(new ServiceRequestDao.ViewRows(ServiceRequestStore::readBody), (view, rs, ctx) -> {
                    view.add(rs);
                    return view;
                })
                .view());
    }

    /** The insert {@link #response} adds rows to: one batch for a group of events ({@link DeviceEventWriter}). */
    static final String INSERT_RESPONSE = """
            INSERT INTO service_request_response (request_id, device_id, gbcs_use_case, response_code, critical,
                                                  body, received_at)
            VALUES (:id, :device, :useCase, :code, :critical, :body, :at)""";

    /**
     * Adds a DUIS-shaped response or failure of a request to {@code batch} (of {@link #INSERT_RESPONSE}): its
     * {@code gbcsUseCase}, {@code responseCode} and {@code critical} keys as columns, the rest of the data as the JSON
     * body. A batch, not a SqlObject method: attaching the SqlObject per response was a quarter
     * of the event writer's time in the bench-http mix (docs/performance.md).
     */
    static void response(org.jdbi.v3.core.statement.PreparedBatch batch, String requestId, String deviceId,
                         Map<String, String> data, Instant at) {
        Map<String, String> body = new java.util.TreeMap<>(data);
        String useCase = body.remove(org.secflow.spi.DeviceEvent.GBCS_USE_CASE);
        String code = body.remove(org.secflow.spi.DeviceEvent.RESPONSE_CODE);
        boolean critical = "true".equals(body.remove(org.secflow.spi.DeviceEvent.CRITICAL));
        String json;
        try {
            json = BODY_JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String stored = json.length() > 16000 ? json.substring(0, 16000) : json;
        batch.bind("id", requestId).bind("device", deviceId).bind("useCase", cut(useCase, 40))
                .bind("code", code == null ? "I0" : cut(code, 8)).bind("critical", critical).bind("body", stored)
                .bind("at", at).add();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper BODY_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A stored response body (JSON object of strings); a body that is not one is kept whole under {@code body}. */
    private static Map<String, String> readBody(String json) {
        try {
            return json == null ? Map.of() : BODY_JSON.readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of("body", json);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    /** Audit rows, newest first, filtered; null filters match all. */
    List<Map<String, Object>> audit(String userId, String srv, String outcome, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> binds = new java.util.HashMap<>();
        if (userId != null) {
            where.append(" AND user_id = :user");
            binds.put("user", userId);
        }
        if (srv != null) {
            where.append(" AND srv = :srv");
            binds.put("srv", srv);
        }
        if (outcome != null) {
            where.append(" AND outcome = :outcome");
            binds.put("outcome", outcome);
        }
        return jdbi.withExtension(ServiceRequestDao.class, dao -> dao.audit(where.toString(), binds, limit));
    }

    static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
