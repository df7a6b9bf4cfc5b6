package org.secflow.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * SQL of stored Planned Maintenance schedules and windows (V3__planned_maintenance.sql), a Jdbi SqlObject: one
 * schedule a month, its windows beside it.
 */
public interface MaintenanceStore {

    /** Stores a schedule, replacing the month's previous one; returns the replaced id or null. */
    @Transaction
    default String store(String scheduleId, ScheduleValidation v, String userId, Instant now) {
        Optional<String> previous = scheduleOf(v.month());
        previous.ifPresent(id -> {
            deleteWindows(id);
            deleteSchedule(id);
        });
        insertSchedule(scheduleId, v.month(), v.publishedOn(), v.ruleSetVersion(), userId, now);
        insertWindows(scheduleId, v.windows().stream().map(WindowRow::of).toList());
        return previous.orElse(null);
    }

    /** Stored windows open at some time in {@code [from, to)} (both instants, null for unbounded), by start. */
    default List<StoredWindow> windows(Instant from, Instant to) {
        String where = (from == null ? "" : " AND w.end_at > :from") + (to == null ? "" : " AND w.start_at < :to");
        Map<String, Object> bounds = new java.util.HashMap<>();
        if (from != null) {
            bounds.put("from", from);
        }
        if (to != null) {
            bounds.put("to", to);
        }
        return windowsWhere(where, bounds);
    }

    @SqlQuery("SELECT schedule_id FROM maintenance_schedule WHERE schedule_month = :month")
    Optional<String> scheduleOf(String month);

    @SqlUpdate("DELETE FROM maintenance_window WHERE schedule_id = :id")
    void deleteWindows(String id);

    @SqlUpdate("DELETE FROM maintenance_schedule WHERE schedule_id = :id")
    void deleteSchedule(String id);

    @SqlUpdate("""
            INSERT INTO maintenance_schedule (schedule_id, schedule_month, published_on, ruleset_version, stored_by, stored_at)
            VALUES (:id, :month, :published, :version, :user, :now)""")
    void insertSchedule(String id, String month, LocalDate published, String version, String user, Instant now);

    @SqlBatch("""
            INSERT INTO maintenance_window (schedule_id, window_id, start_at, end_at, start_month, impact, window_kind,
                                            disrupts, consumer_affecting, risk_score, description)
            VALUES (:id, :window, :start, :end, :startMonth, :impact, :kind, :disrupts, :consumer, :score, :description)""")
    void insertWindows(String id, @BindMethods List<WindowRow> windows);

    /** {@code where}: {@code AND} conditions on {@code :from}, {@code :to}, or nothing. */
    @SqlQuery("""
            SELECT w.schedule_id, s.schedule_month, w.window_id, w.start_at, w.end_at, w.start_month, w.impact,
                   w.window_kind, w.disrupts, w.consumer_affecting, w.risk_score, w.description
            FROM maintenance_window w JOIN maintenance_schedule s ON s.schedule_id = w.schedule_id
            WHERE 1 = 1 <where> ORDER BY w.start_at, w.window_id""")
    @RegisterRowMapper(StoredWindowMapper.class)
    List<StoredWindow> windowsWhere(@Define("where") String where, @BindMap Map<String, Object> bounds);

    /** One window row as stored ({@code disrupts}: the services' names, sorted, space-separated). */
    record WindowRow(String window, Instant start, Instant end, String startMonth, String impact, String kind,
                     String disrupts, boolean consumer, Integer score, String description) {
        static WindowRow of(WindowAssessment w) {
            return new WindowRow(w.id(), w.start().toInstant(), w.end().toInstant(), w.startMonth(),
                    w.classification().name(), w.kind().name(),
                    w.disrupts().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                    w.consumerAffecting(), w.riskScore(), w.description());
        }
    }

    /** Reads a {@link StoredWindow}; times in UK local time. */
    final class StoredWindowMapper implements RowMapper<StoredWindow> {
        @Override
        public StoredWindow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StoredWindow(rs.getString("schedule_id"), rs.getString("schedule_month"),
                    rs.getString("window_id"), local(rs.getTimestamp("start_at").toInstant()),
                    local(rs.getTimestamp("end_at").toInstant()), rs.getString("start_month"),
                    Impact.valueOf(rs.getString("impact")), WindowKind.valueOf(rs.getString("window_kind")),
                    disrupts(rs.getString("disrupts")), rs.getBoolean("consumer_affecting"),
                    rs.getObject("risk_score") == null ? null : rs.getInt("risk_score"),
                    rs.getString("description"));
        }

        private static java.time.OffsetDateTime local(Instant i) {
            return i.atZone(ScheduleParser.UK).toOffsetDateTime();
        }

        private static Set<DisruptedService> disrupts(String s) {
            Set<DisruptedService> out = EnumSet.noneOf(DisruptedService.class);
            if (s != null && !s.isBlank()) {
                Arrays.stream(s.trim().split(" ")).map(DisruptedService::valueOf).forEach(out::add);
            }
            return out;
        }
    }
}
