package org.secflow.servicerequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.secflow.store.GroupCommit;

/** SQL of Service Requests, their device progress, events and the decision audit. */
final class ServiceRequestStore {
    private final Jdbi jdbi;
    private final GroupCommit writes;

    ServiceRequestStore(Jdbi jdbi, GroupCommit writes) {
        this.writes = writes;
        this.jdbi = jdbi;
    }

    /** One audit row; written in the caller's transaction. */
    static void audit(Handle h, AuditEntry e) {
        h.createUpdate("""
                INSERT INTO decision_audit (decided_at, user_id, party, user_role, srv, device_ids, outcome, violations,
                                            ruleset_version, request_id)
                VALUES (:at, :user, :party, :role, :srv, :devices, :outcome, :violations, :version, :request)""")
                .bind("at", e.decidedAt()).bind("user", e.userId()).bind("party", e.party()).bind("role", e.userRole())
                .bind("srv", e.srv()).bind("devices", String.join(" ", e.deviceIds())).bind("outcome", e.outcome())
                .bind("violations", e.violationsJson()).bind("version", e.ruleSetVersion()).bind("request", e.requestId())
                .execute();
    }

    /** Audits a decision that wrote nothing else (a rejection), committed with other requests' writes. */
    void auditAlone(AuditEntry e) {
        writes.write(h -> audit(h, e));
    }

    static void insertRequest(Handle h, String id, String srv, String userId, String party, String role, String state,
                              String version, String response, Instant now) {
        h.createUpdate("""
                INSERT INTO service_request (request_id, srv, user_id, party, user_role, state, ruleset_version, response,
                                             created_at, updated_at)
                VALUES (:id, :srv, :user, :party, :role, :state, :version, :response, :now, :now)""")
                .bind("id", id).bind("srv", srv).bind("user", userId).bind("party", party).bind("role", role)
                .bind("state", state).bind("version", version).bind("response", response).bind("now", now).execute();
    }

    static void insertDevice(Handle h, String requestId, String deviceId, String srv, RequestState state, Instant now) {
        h.createUpdate("""
                INSERT INTO service_request_device (request_id, device_id, srv, state, updated_at)
                VALUES (:id, :device, :srv, :state, :now)""")
                .bind("id", requestId).bind("device", deviceId).bind("srv", srv).bind("state", state.name()).bind("now", now)
                .execute();
    }

    /** Records an event and moves the device's state; the request's state follows when all devices are done. */
    void progress(String requestId, String deviceId, RequestState state, String stage, String alert, String detail, Instant at) {
        jdbi.useTransaction(h -> progress(h, requestId, deviceId, state, stage, alert, detail, at, true, true));
    }

    /**
     * Records an event and moves the device's state, in the caller's transaction.
     *
     * @param manyDevices whether the request has more than one device: then the request's state is aggregated over
     *        its devices' states, else it is the device's
     * @param releasesClaim whether a final state frees the device's firmware update claim (an SRV 11.4)
     */
    static void progress(Handle h, String requestId, String deviceId, RequestState state, String stage, String alert,
                         String detail, Instant at, boolean manyDevices, boolean releasesClaim) {
        h.createUpdate("""
                INSERT INTO service_request_event (request_id, device_id, stage, alert, detail, occurred_at)
                VALUES (:id, :device, :stage, :alert, :detail, :at)""")
                .bind("id", requestId).bind("device", deviceId).bind("stage", stage).bind("alert", alert)
                .bind("detail", truncate(detail)).bind("at", at).execute();
        if (state == null) {
            return;
        }
        h.createUpdate("""
                UPDATE service_request_device SET state = :state, detail = :detail, updated_at = :at
                 WHERE request_id = :id AND device_id = :device""")
                .bind("state", state.name()).bind("detail", truncate(detail)).bind("at", at)
                .bind("id", requestId).bind("device", deviceId).execute();
        List<String> states = manyDevices
                ? h.createQuery("SELECT state FROM service_request_device WHERE request_id = :id")
                        .bind("id", requestId).mapTo(String.class).list()
                : List.of(state.name());
        if (state.isTerminal() && releasesClaim) {
            // an SRV 11.4 in a final state no longer holds its device (org.secflow.updates.FirmwareUpdateClaims)
            h.createUpdate("DELETE FROM device_update_claim WHERE device_id = :device AND holder = :id")
                    .bind("device", deviceId).bind("id", requestId).execute();
        }
        h.createUpdate("UPDATE service_request SET state = :state, updated_at = :at WHERE request_id = :id")
                .bind("state", aggregate(states)).bind("at", at).bind("id", requestId).execute();
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
        return org.secflow.updates.FirmwareUpdateClaims.deviceClaimed(h, deviceId) || h.createQuery("""
                SELECT COUNT(*) FROM service_request_device
                 WHERE device_id = :device AND srv = '11.4' AND state IN ('ACCEPTED', 'SENT', 'DELIVERED_TO_HUB', 'DELIVERED')""")
                .bind("device", deviceId).mapTo(Integer.class).one() > 0;
    }

    Optional<ServiceRequestView> find(String requestId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT request_id, srv, user_id, party, user_role, state, ruleset_version, response, created_at, updated_at
                          FROM service_request WHERE request_id = :id""")
                .bind("id", requestId)
                .map((rs, ctx) -> new ServiceRequestView(rs.getString("request_id"), rs.getString("srv"),
                        rs.getString("user_id"), rs.getString("party"), rs.getString("user_role"), rs.getString("state"),
                        rs.getString("ruleset_version"), rs.getString("response"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        devices(h, requestId), events(h, requestId), responses(h, requestId), List.of()))
                .findOne()
                .map(v -> new ServiceRequestView(v.requestId(), v.srv(), v.userId(), v.party(), v.userRole(), v.state(),
                        v.ruleSetVersion(), v.response(), v.createdAt(), v.updatedAt(), v.devices(), v.history(),
                        v.responses(), v.history().stream().filter(e -> "DEVICE_ALERT".equals(e.stage())).toList())));
    }

    /**
     * Stores a DUIS-shaped response or failure of a request: its {@code gbcsUseCase}, {@code responseCode} and
     * {@code critical} keys as columns, the rest of the data as the JSON body.
     */
    static void response(Handle h, String requestId, String deviceId, Map<String, String> data, Instant at) {
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
        h.createUpdate("""
                        INSERT INTO service_request_response (request_id, device_id, gbcs_use_case, response_code, critical,
                                                              body, received_at)
                        VALUES (:id, :device, :useCase, :code, :critical, :body, :at)""")
                .bind("id", requestId).bind("device", deviceId).bind("useCase", cut(useCase, 40))
                .bind("code", code == null ? "I0" : cut(code, 8)).bind("critical", critical)
                .bind("body", stored).bind("at", at).execute();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper BODY_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<ServiceRequestView.Response> responses(Handle h, String id) {
        return h.createQuery("""
                        SELECT received_at, device_id, gbcs_use_case, response_code, critical, body
                          FROM service_request_response WHERE request_id = :id ORDER BY response_id""")
                .bind("id", id)
                .map((rs, ctx) -> new ServiceRequestView.Response(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), readBody(rs.getString(6))))
                .list();
    }

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

    private static List<ServiceRequestView.DeviceProgress> devices(Handle h, String id) {
        return h.createQuery("SELECT device_id, state, detail FROM service_request_device WHERE request_id = :id ORDER BY device_id")
                .bind("id", id)
                .map((rs, ctx) -> new ServiceRequestView.DeviceProgress(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static List<ServiceRequestView.Event> events(Handle h, String id) {
        return h.createQuery("SELECT occurred_at, device_id, stage, alert, detail FROM service_request_event WHERE request_id = :id ORDER BY event_id")
                .bind("id", id)
                .map((rs, ctx) -> new ServiceRequestView.Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Audit rows, newest first, filtered; null filters match all. */
    List<Map<String, Object>> audit(String userId, String srv, String outcome, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT audit_id, decided_at, user_id, party, user_role, srv, device_ids, outcome, violations,
                       ruleset_version, request_id FROM decision_audit WHERE 1 = 1""");
        if (userId != null) {
            sql.append(" AND user_id = :user");
        }
        if (srv != null) {
            sql.append(" AND srv = :srv");
        }
        if (outcome != null) {
            sql.append(" AND outcome = :outcome");
        }
        sql.append(" ORDER BY audit_id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit);
            if (userId != null) {
                q.bind("user", userId);
            }
            if (srv != null) {
                q.bind("srv", srv);
            }
            if (outcome != null) {
                q.bind("outcome", outcome);
            }
            return q.mapToMap().list();
        });
    }

    static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
