package org.secflow.modification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of modifications and their history (V6__modifications.sql; scope and target go-live day V8__modification_scope.sql).
 * Writes take the caller's {@link Handle}.
 */
final class ModificationStore {
    private final Jdbi jdbi;

    ModificationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored modification row. */
    record Row(String reference, String alias, String title, String proposer, LocalDate raisedOn, ReleaseScope scope,
               ModificationStage stage, ModificationPath path, String status, String targetRelease,
               LocalDate targetImplementationDate, LocalDate appealWindowEnd, String processInstanceId,
               Integer processDefinitionVersion) {
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** The modification known under {@code reference} or as its alias. */
    Optional<Row> find(String reference) {
        return jdbi.withHandle(h -> find(h, reference));
    }

    Optional<Row> find(Handle h, String reference) {
        return h.createQuery("SELECT * FROM modification WHERE reference = :r OR alias_reference = :r")
                .bind("r", reference).map((rs, ctx) -> row(rs)).findFirst();
    }

    /** Whether a modification is known under {@code reference} (as reference or alias). */
    boolean known(Handle h, String reference) {
        return find(h, reference).isPresent();
    }

    List<Row> list(ModificationStage stage) {
        if (stage == null) {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM modification ORDER BY reference").map((rs, ctx) -> row(rs)).list());
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM modification WHERE stage = :s ORDER BY reference")
                .bind("s", stage.name()).map((rs, ctx) -> row(rs)).list());
    }

    void insert(Handle h, NewModification m, ModificationStage stage, String user, Instant now) {
        h.createUpdate("""
                INSERT INTO modification (reference, title, proposer, raised_on, scope_duis_uplift, scope_dcc_system_changes,
                                          scope_ad_hoc_working_days, stage, status, created_by, created_at)
                VALUES (:r, :title, :proposer, :raised, :duis, :dcc, :adHoc, :stage, 'OPEN', :user, :now)""")
                .bind("r", m.reference()).bind("title", m.title()).bind("proposer", m.proposer())
                .bind("duis", m.scope().duisUplift()).bind("dcc", m.scope().dccSystemChanges())
                .bind("adHoc", m.scope().adHocWorkingDays())
                .bind("raised", m.raisedOn()).bind("stage", stage.name()).bind("user", user)
                .bind("now", Timestamp.from(now)).execute();
    }

    void setProcess(Handle h, String reference, String processInstanceId, int version) {
        h.createUpdate("UPDATE modification SET process_instance_id = :pi, process_definition_version = :v WHERE reference = :r")
                .bind("pi", processInstanceId).bind("v", version).bind("r", reference).execute();
    }

    /** Updates what an event changed. */
    void update(Handle h, Row r) {
        h.createUpdate("""
                UPDATE modification SET alias_reference = :alias, stage = :stage, path = :path, status = :status,
                       target_release = :target, target_implementation_date = :targetDate, appeal_window_end = :appeal
                 WHERE reference = :r""")
                .bind("alias", r.alias()).bind("stage", r.stage().name())
                .bind("path", r.path() == null ? null : r.path().name()).bind("status", r.status())
                .bind("target", r.targetRelease()).bind("targetDate", r.targetImplementationDate()).bind("appeal", r.appealWindowEnd()).bind("r", r.reference()).execute();
    }

    /** Appends one history entry (its seq is the next one) and returns it. */
    HistoryEntry append(Handle h, String reference, String type, LocalDate date, LocalDate endDate, String body,
                        Outcome outcome, ModificationPath path, String release, String source,
                        ModificationStage stageAfter, String user, Instant now) {
        int seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM modification_event WHERE reference = :r")
                .bind("r", reference).mapTo(Integer.class).one();
        h.createUpdate("""
                INSERT INTO modification_event (reference, seq, event_type, event_date, end_date, body, outcome, path,
                                                release_name, source, stage_after, recorded_by, recorded_at)
                VALUES (:r, :seq, :type, :date, :end, :body, :outcome, :path, :release, :source, :stage, :user, :now)""")
                .bind("r", reference).bind("seq", seq).bind("type", type).bind("date", date).bind("end", endDate)
                .bind("body", body).bind("outcome", outcome == null ? null : outcome.name())
                .bind("path", path == null ? null : path.name()).bind("release", release).bind("source", source)
                .bind("stage", stageAfter.name()).bind("user", user).bind("now", Timestamp.from(now)).execute();
        return new HistoryEntry(seq, type, date, endDate, body, outcome, path, release, source, stageAfter, user, now);
    }

    List<HistoryEntry> history(String reference) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM modification_event WHERE reference = :r ORDER BY seq")
                .bind("r", reference).map((rs, ctx) -> new HistoryEntry(rs.getInt("seq"), rs.getString("event_type"),
                        rs.getObject("event_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("body"), rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("path") == null ? null : ModificationPath.valueOf(rs.getString("path")),
                        rs.getString("release_name"), rs.getString("source"), ModificationStage.valueOf(rs.getString("stage_after")),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list());
    }

    /** Date of the last recorded event (latest date), or null. */
    LocalDate lastEventDate(Handle h, String reference) {
        return h.createQuery("SELECT MAX(event_date) FROM modification_event WHERE reference = :r")
                .bind("r", reference).mapTo(LocalDate.class).findOne().orElse(null);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("reference"), rs.getString("alias_reference"), rs.getString("title"),
                rs.getString("proposer"), rs.getObject("raised_on", LocalDate.class), scope(rs),
                ModificationStage.valueOf(rs.getString("stage")),
                rs.getString("path") == null ? null : ModificationPath.valueOf(rs.getString("path")),
                rs.getString("status"), rs.getString("target_release"), rs.getObject("target_implementation_date", LocalDate.class),
                rs.getObject("appeal_window_end", LocalDate.class),
                rs.getString("process_instance_id"),
                rs.getObject("process_definition_version") == null ? null : rs.getInt("process_definition_version"));
    }

    private static ReleaseScope scope(ResultSet rs) throws SQLException {
        Object adHoc = rs.getObject("scope_ad_hoc_working_days");
        return new ReleaseScope(rs.getBoolean("scope_duis_uplift"), rs.getBoolean("scope_dcc_system_changes"),
                adHoc == null ? null : ((Number) adHoc).intValue());
    }
}
