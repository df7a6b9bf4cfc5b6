package org.secflow.servicerequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of Service Requests, their device progress, events, responses and the decision audit (V2__service_requests.sql
 * and later), and the SMI reads a request's rule facts make; a Jdbi SqlObject attached to the caller's
 * {@code Handle} ({@link ServiceRequestStore} holds the units of work).
 */
interface ServiceRequestDao {

    // the inserts of a decision (audit row, request, its devices) are ServiceRequestStore's, on the group-commit
    // writer (the reason is written there)

    // DeviceEventWriter's statements, run as batches for every group of device events (and for one refused device)

    /** A device event's history row. */
    String INSERT_EVENT = """
            INSERT INTO service_request_event (request_id, device_id, stage, alert, detail, occurred_at)
            VALUES (:id, :device, :stage, :alert, :detail, :at)""";

    /** A device's state. Through the primary key (V25 on PostgreSQL). */
    String UPDATE_DEVICE = """
            UPDATE service_request_device SET state = :state, detail = :detail, updated_at = :at
             WHERE request_id = :id AND device_id = :device""";

    /** The states of a request's devices. */
    String DEVICE_STATES = "SELECT state FROM service_request_device WHERE request_id = :id";

    /** A request's state. */
    String UPDATE_REQUEST = "UPDATE service_request SET state = :state, updated_at = :at WHERE request_id = :id";

    /** An SRV 11.4 in a final state no longer holds its device ({@code org.secflow.updates.FirmwareUpdateClaims}). */
    String RELEASE_CLAIM = "DELETE FROM device_update_claim WHERE device_id = :device AND holder = :id";

    /**
     * A device of a future-dated request waiting for its Execution Date Time (V22__service_request_scheduled.sql).
     *
     * @param parameters the request's parameters as a JSON object
     * @param state the device's state ({@code ACCEPTED} while it waits)
     * @param devices how many devices the request has
     */
    record ScheduledRow(String requestId, String deviceId, Instant executeAt, String parameters,
                        String firmwareImageSha256, String srv, String userId, String userRole, String state, int devices) {
    }

    @SqlQuery("""
            SELECT s.request_id, s.device_id, s.execute_at, s.parameters, s.firmware_image_sha256, r.srv, r.user_id,
                   r.user_role, d.state,
                   (SELECT COUNT(*) FROM service_request_device x WHERE x.request_id = s.request_id) AS devices
              FROM service_request_scheduled s
              JOIN service_request r ON r.request_id = s.request_id
              JOIN service_request_device d ON d.request_id = s.request_id AND d.device_id = s.device_id
             WHERE s.node = :node ORDER BY s.execute_at, s.request_id, s.device_id""")
    @RegisterConstructorMapper(ScheduledRow.class)
    List<ScheduledRow> scheduled(@Bind("node") String node);

    /** SRV 11.4 requests for the device still in progress. */
    @SqlQuery("""
            SELECT COUNT(*) FROM service_request_device
             WHERE device_id = :device AND srv = '11.4' AND state IN ('ACCEPTED', 'SENT', 'DELIVERED_TO_HUB', 'DELIVERED')""")
    int firmwareUpdatesInProgress(@Bind("device") String deviceId);

    /**
     * One Service Request as {@code GET /api/service-requests/{id}} shows it, in one statement (one round trip, one
     * snapshot, so a state is never newer than the history beside it): part 0 the request row, 1 its devices by device
     * id, 2 its history in the order recorded, 3 its responses in the order received ({@link ViewRows}). Through
     * SqlObject methods, four reads (an attach, a configuration copy and row mappers built by reflection on every
     * call, then a round trip each) were most of the CPU of such a GET (docs/performance.md).
     */
    String SELECT_VIEW = """
            SELECT 0 AS part, 0 AS seq, request_id AS s1, srv AS s2, user_id AS s3, party AS s4, user_role AS s5,
                   state AS s6, ruleset_version AS s7, response AS s8, created_at AS t1, updated_at AS t2, FALSE AS flag
              FROM service_request WHERE request_id = :id
            UNION ALL
            SELECT 1, 0, device_id, state, detail, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE
              FROM service_request_device WHERE request_id = :id
            UNION ALL
            SELECT 2, event_id, device_id, stage, alert, detail, NULL, NULL, NULL, NULL, occurred_at, NULL, FALSE
              FROM service_request_event WHERE request_id = :id
            UNION ALL
            SELECT 3, response_id, device_id, gbcs_use_case, response_code, body, NULL, NULL, NULL, NULL, received_at, NULL,
                   critical
              FROM service_request_response WHERE request_id = :id
             ORDER BY part, seq, s1""";

    // the responses are inserted in batches by DeviceEventWriter (ServiceRequestStore.INSERT_RESPONSE)

    /**
     * Gathers the rows of {@link #SELECT_VIEW}, in their order, into the request with its devices, history, responses
     * (each stored JSON body read by {@code body}) and alerts.
     */
    final class ViewRows {
        private final java.util.function.Function<String, Map<String, String>> body;
        private ServiceRequestView request;
        private final List<ServiceRequestView.DeviceProgress> devices = new java.util.ArrayList<>();
        private final List<ServiceRequestView.Event> history = new java.util.ArrayList<>();
        private final List<ServiceRequestView.Response> responses = new java.util.ArrayList<>();

        ViewRows(java.util.function.Function<String, Map<String, String>> body) {
            this.body = body;
        }

        /** Takes one row of {@link #SELECT_VIEW}. */
        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            switch (rs.getInt(1)) {
                case 0 -> request = new ServiceRequestView(rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
                        List.of(), List.of(), List.of(), List.of());
                case 1 -> devices.add(new ServiceRequestView.DeviceProgress(rs.getString(3), rs.getString(4), rs.getString(5)));
                case 2 -> history.add(new ServiceRequestView.Event(rs.getTimestamp(11).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
                case 3 -> responses.add(new ServiceRequestView.Response(rs.getTimestamp(11).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(13), body.apply(rs.getString(6))));
                default -> throw new IllegalStateException("unknown part " + rs.getInt(1));
            }
        }

        /** The request as gathered; empty when its row was not among them (no such request). */
        Optional<ServiceRequestView> view() {
            ServiceRequestView v = request;
            return v == null ? Optional.empty() : Optional.of(new ServiceRequestView(v.requestId(), v.srv(), v.userId(),
                    v.party(), v.userRole(), v.state(), v.ruleSetVersion(), v.response(), v.createdAt(), v.updatedAt(),
                    List.copyOf(devices), List.copyOf(history), List.copyOf(responses),
                    history.stream().filter(e -> "DEVICE_ALERT".equals(e.stage())).toList()));
        }
    }

    /** {@code where}: {@code AND} conditions on {@code :user}, {@code :srv}, {@code :outcome}, or nothing. */
    @SqlQuery("""
            SELECT audit_id, decided_at, user_id, party, user_role, srv, device_ids, outcome, violations,
                   ruleset_version, request_id FROM decision_audit WHERE 1 = 1<where> ORDER BY audit_id DESC LIMIT :limit""")
    @UseRowMapper(MapMapper.class)
    List<Map<String, Object>> audit(@Define("where") String where, @BindMap Map<String, Object> binds, @Bind("limit") int limit);

    /** The premises of a Communications Hub, for a pre-notification's facts. */
    record HubPremises(String mpan, String mprn, String importSupplier, String gasSupplier, String exportMpan,
                       String exportSupplier) {
    }

    @SqlQuery("""
            SELECT p.mpan, p.mprn, p.import_supplier, p.gas_supplier, p.export_mpan, p.export_supplier
              FROM comms_hub c JOIN premises p ON p.premises_id = c.premises_id WHERE c.device_id = :hub""")
    @RegisterConstructorMapper(HubPremises.class)
    Optional<HubPremises> hubPremises(@Bind("hub") String commsHubId);

    /** Type 1 devices (PPMID, HCALCS, APC) on the Communications Hub. */
    @SqlQuery("SELECT COUNT(*) FROM device WHERE comms_hub_id = :hub AND device_type IN ('PPMID', 'HCALCS', 'APC')")
    int type1OnHub(@Bind("hub") String commsHubId);
}
