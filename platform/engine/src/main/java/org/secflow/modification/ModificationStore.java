package org.secflow.modification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of modifications and their history (V6__modifications.sql; scope and target go-live day V8__modification_scope.sql;
 * recommended releases V14__release_recommendation.sql), a Jdbi SqlObject. Reads go through {@code onDemand}; a unit
 * of writes attaches it to its transaction's {@code Handle}.
 */
interface ModificationStore {

    /** A stored modification row. */
    record Row(String reference, String alias, String title, String proposer, LocalDate raisedOn, ReleaseScope scope,
               ModificationStage stage, ModificationPath path, String status, String targetRelease,
               LocalDate targetImplementationDate, LocalDate appealWindowEnd, String processInstanceId,
               Integer processDefinitionVersion) {
    }

    /** The modification known under {@code reference} or as its alias. */
    default Optional<Row> find(String reference) {
        return findAll(reference).stream().findFirst();
    }

    @SqlQuery("SELECT * FROM modification WHERE reference = :r OR alias_reference = :r")
    @UseRowMapper(Rows.class)
    List<Row> findAll(@Bind("r") String reference);

    /** Every modification, or those in {@code stage} when not null, by reference. */
    default List<Row> list(ModificationStage stage) {
        return listWhere(stage == null ? "" : " WHERE stage = :s", stage == null ? Map.of() : Map.of("s", stage.name()));
    }

    /** {@code where}: {@code WHERE stage = :s} or nothing. */
    @SqlQuery("SELECT * FROM modification<where> ORDER BY reference")
    @UseRowMapper(Rows.class)
    List<Row> listWhere(@Define("where") String where, @BindMap Map<String, Object> binds);

    /** Replaces the modification's recommended implementation approach (V14__release_recommendation.sql). */
    default void setRecommendation(String reference, ReleaseRecommendation recommendation) {
        deleteRecommendation(reference);
        int n = 0;
        for (RecommendedRelease o : recommendation.options()) {
            insertOption(reference, ++n, o, o.leadTimeUnit() == null ? null : o.leadTimeUnit().name());
        }
    }

    @SqlUpdate("DELETE FROM modification_release_option WHERE reference = :r")
    void deleteRecommendation(@Bind("r") String reference);

    @SqlUpdate("""
            INSERT INTO modification_release_option (reference, option_no, release_name, implementation_date,
                decision_cut_off, cut_off_included, lead_time, lead_time_unit, ad_hoc, source)
            VALUES (:r, :n, :release, :implementationDate, :decisionCutOff, :cutOffIncluded, :leadTime, :unit, :adHoc, :source)""")
    void insertOption(@Bind("r") String reference, @Bind("n") int optionNo, @BindMethods RecommendedRelease option,
                      @Bind("unit") String leadTimeUnit);

    /** The modification's recommended implementation approach ({@link ReleaseRecommendation#NONE} when none). */
    default ReleaseRecommendation recommendation(String reference) {
        return new ReleaseRecommendation(options(reference));
    }

    @SqlQuery("SELECT * FROM modification_release_option WHERE reference = :r ORDER BY option_no")
    @UseRowMapper(OptionRows.class)
    List<RecommendedRelease> options(@Bind("r") String reference);

    default void insert(NewModification m, ModificationStage stage, String user, Instant now) {
        insert(m.reference(), m.title(), m.proposer(), m.raisedOn(), m.scope().duisUplift(), m.scope().dccSystemChanges(),
                m.scope().adHocWorkingDays(), stage.name(), user, Timestamp.from(now));
    }

    @SqlUpdate("""
            INSERT INTO modification (reference, title, proposer, raised_on, scope_duis_uplift, scope_dcc_system_changes,
                                      scope_ad_hoc_working_days, stage, status, created_by, created_at)
            VALUES (:r, :title, :proposer, :raised, :duis, :dcc, :adHoc, :stage, 'OPEN', :user, :now)""")
    void insert(@Bind("r") String reference, @Bind("title") String title, @Bind("proposer") String proposer,
                @Bind("raised") LocalDate raisedOn, @Bind("duis") boolean duisUplift, @Bind("dcc") boolean dccSystemChanges,
                @Bind("adHoc") Integer adHocWorkingDays, @Bind("stage") String stage, @Bind("user") String user,
                @Bind("now") Timestamp now);

    @SqlUpdate("UPDATE modification SET process_instance_id = :pi, process_definition_version = :v WHERE reference = :r")
    void setProcess(@Bind("r") String reference, @Bind("pi") String processInstanceId, @Bind("v") int version);

    /** Updates what an event changed. */
    default void update(Row r) {
        update(r.reference(), r.alias(), r.stage().name(), r.path() == null ? null : r.path().name(), r.status(),
                r.targetRelease(), r.targetImplementationDate(), r.appealWindowEnd());
    }

    @SqlUpdate("""
            UPDATE modification SET alias_reference = :alias, stage = :stage, path = :path, status = :status,
                   target_release = :target, target_implementation_date = :targetDate, appeal_window_end = :appeal
             WHERE reference = :r""")
    void update(@Bind("r") String reference, @Bind("alias") String alias, @Bind("stage") String stage,
                @Bind("path") String path, @Bind("status") String status, @Bind("target") String targetRelease,
                @Bind("targetDate") LocalDate targetImplementationDate, @Bind("appeal") LocalDate appealWindowEnd);

    /** Appends one history entry (its seq is the next one) and returns it. */
    default HistoryEntry append(String reference, String type, LocalDate date, LocalDate endDate, String body,
                                Outcome outcome, ModificationPath path, String release, String source,
                                ModificationStage stageAfter, String user, Instant now) {
        int seq = nextSeq(reference);
        insertEvent(reference, seq, type, date, endDate, body, outcome == null ? null : outcome.name(),
                path == null ? null : path.name(), release, source, stageAfter.name(), user, Timestamp.from(now));
        return new HistoryEntry(seq, type, date, endDate, body, outcome, path, release, source, stageAfter, user, now);
    }

    @SqlQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM modification_event WHERE reference = :r")
    int nextSeq(@Bind("r") String reference);

    @SqlUpdate("""
            INSERT INTO modification_event (reference, seq, event_type, event_date, end_date, body, outcome, path,
                                            release_name, source, stage_after, recorded_by, recorded_at)
            VALUES (:r, :seq, :type, :date, :end, :body, :outcome, :path, :release, :source, :stage, :user, :now)""")
    void insertEvent(@Bind("r") String reference, @Bind("seq") int seq, @Bind("type") String type,
                     @Bind("date") LocalDate date, @Bind("end") LocalDate endDate, @Bind("body") String body,
                     @Bind("outcome") String outcome, @Bind("path") String path, @Bind("release") String release,
                     @Bind("source") String source, @Bind("stage") String stageAfter, @Bind("user") String user,
                     @Bind("now") Timestamp now);

    /** Sets the stage a history entry left the modification in (known once the process has moved). */
    @SqlUpdate("UPDATE modification_event SET stage_after = :s WHERE reference = :r AND seq = :seq")
    void setStageAfter(@Bind("r") String reference, @Bind("seq") int seq, @Bind("s") String stageAfter);

    @SqlQuery("SELECT * FROM modification_event WHERE reference = :r ORDER BY seq")
    @UseRowMapper(HistoryRows.class)
    List<HistoryEntry> history(@Bind("r") String reference);

    /** Date of the last recorded event (latest date), or null. */
    default LocalDate lastEventDate(String reference) {
        return maxEventDate(reference).orElse(null);
    }

    @SqlQuery("SELECT MAX(event_date) FROM modification_event WHERE reference = :r")
    Optional<LocalDate> maxEventDate(@Bind("r") String reference);

    /** Reads a {@link Row} of {@code SELECT * FROM modification}. */
    final class Rows implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            Object adHoc = rs.getObject("scope_ad_hoc_working_days");
            ReleaseScope scope = new ReleaseScope(rs.getBoolean("scope_duis_uplift"), rs.getBoolean("scope_dcc_system_changes"),
                    adHoc == null ? null : ((Number) adHoc).intValue());
            return new Row(rs.getString("reference"), rs.getString("alias_reference"), rs.getString("title"),
                    rs.getString("proposer"), rs.getObject("raised_on", LocalDate.class), scope,
                    ModificationStage.valueOf(rs.getString("stage")),
                    rs.getString("path") == null ? null : ModificationPath.valueOf(rs.getString("path")),
                    rs.getString("status"), rs.getString("target_release"), rs.getObject("target_implementation_date", LocalDate.class),
                    rs.getObject("appeal_window_end", LocalDate.class),
                    rs.getString("process_instance_id"),
                    rs.getObject("process_definition_version") == null ? null : rs.getInt("process_definition_version"));
        }
    }

    /** Reads a {@link RecommendedRelease}. */
    final class OptionRows implements RowMapper<RecommendedRelease> {
        @Override
        public RecommendedRelease map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RecommendedRelease(rs.getString("release_name"),
                    rs.getObject("implementation_date", LocalDate.class), rs.getObject("decision_cut_off", LocalDate.class),
                    rs.getBoolean("cut_off_included"), rs.getObject("lead_time") == null ? null : rs.getInt("lead_time"),
                    rs.getString("lead_time_unit") == null ? null : RecommendedRelease.LeadTimeUnit.valueOf(rs.getString("lead_time_unit")),
                    rs.getBoolean("ad_hoc"), rs.getString("source"));
        }
    }

    /** Reads a {@link HistoryEntry}. */
    final class HistoryRows implements RowMapper<HistoryEntry> {
        @Override
        public HistoryEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new HistoryEntry(rs.getInt("seq"), rs.getString("event_type"),
                    rs.getObject("event_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                    rs.getString("body"), rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("path") == null ? null : ModificationPath.valueOf(rs.getString("path")),
                    rs.getString("release_name"), rs.getString("source"), ModificationStage.valueOf(rs.getString("stage_after")),
                    rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
        }
    }
}
