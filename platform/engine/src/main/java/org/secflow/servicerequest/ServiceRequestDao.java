package org.secflow.servicerequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
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

    /** The request row; devices, history and responses empty (read beside it). */
    @SqlQuery("""
            SELECT request_id, srv, user_id, party, user_role, state, ruleset_version, response, created_at, updated_at
              FROM service_request WHERE request_id = :id""")
    @UseRowMapper(RequestRows.class)
    Optional<ServiceRequestView> request(@Bind("id") String requestId);

    // the responses are inserted in batches by DeviceEventWriter (ServiceRequestStore.INSERT_RESPONSE)

    /** A stored response, its body as stored (JSON). */
    record ResponseRow(Instant at, String deviceId, String gbcsUseCase, String responseCode, boolean critical, String body) {
    }

    @SqlQuery("""
            SELECT received_at, device_id, gbcs_use_case, response_code, critical, body
              FROM service_request_response WHERE request_id = :id ORDER BY response_id""")
    @UseRowMapper(ResponseRows.class)
    List<ResponseRow> responses(@Bind("id") String requestId);

    @SqlQuery("SELECT device_id, state, detail FROM service_request_device WHERE request_id = :id ORDER BY device_id")
    @RegisterConstructorMapper(ServiceRequestView.DeviceProgress.class)
    List<ServiceRequestView.DeviceProgress> devices(@Bind("id") String requestId);

    @SqlQuery("SELECT occurred_at, device_id, stage, alert, detail FROM service_request_event WHERE request_id = :id ORDER BY event_id")
    @UseRowMapper(EventRows.class)
    List<ServiceRequestView.Event> events(@Bind("id") String requestId);

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

    /** Reads a request row with empty lists. */
    final class RequestRows implements RowMapper<ServiceRequestView> {
        @Override
        public ServiceRequestView map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceRequestView(rs.getString("request_id"), rs.getString("srv"),
                    rs.getString("user_id"), rs.getString("party"), rs.getString("user_role"), rs.getString("state"),
                    rs.getString("ruleset_version"), rs.getString("response"),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                    List.of(), List.of(), List.of(), List.of());
        }
    }

    /** Reads a {@link ResponseRow}. */
    final class ResponseRows implements RowMapper<ResponseRow> {
        @Override
        public ResponseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ResponseRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), rs.getString(6));
        }
    }

    /** Reads an {@link ServiceRequestView.Event}. */
    final class EventRows implements RowMapper<ServiceRequestView.Event> {
        @Override
        public ServiceRequestView.Event map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServiceRequestView.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5));
        }
    }
}
