package org.secflow.maintenance;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of stored Planned Maintenance schedules and windows (V3__planned_maintenance.sql). */
final class MaintenanceStore {
    private final Jdbi jdbi;

    MaintenanceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a schedule, replacing the month's previous one; returns the replaced id or null. */
    String store(String scheduleId, ScheduleValidation v, String userId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<String> previous = h.createQuery("SELECT schedule_id FROM maintenance_schedule WHERE schedule_month = :m")
                    .bind("m", v.month()).mapTo(String.class).findOne();
            previous.ifPresent(id -> delete(h, id));
            h.createUpdate("""
                    INSERT INTO maintenance_schedule (schedule_id, schedule_month, published_on, ruleset_version, stored_by, stored_at)
                    VALUES (:id, :month, :published, :version, :user, :now)""")
                    .bind("id", scheduleId).bind("month", v.month()).bind("published", v.publishedOn())
                    .bind("version", v.ruleSetVersion()).bind("user", userId).bind("now", now).execute();
            for (WindowAssessment w : v.windows()) {
                h.createUpdate("""
                        INSERT INTO maintenance_window (schedule_id, window_id, start_at, end_at, start_month, impact, window_kind,
                                                        disrupts, consumer_affecting, risk_score, description)
                        VALUES (:id, :window, :start, :end, :startMonth, :impact, :kind, :disrupts, :consumer, :score, :description)""")
                        .bind("id", scheduleId).bind("window", w.id()).bind("start", w.start().toInstant())
                        .bind("end", w.end().toInstant()).bind("startMonth", w.startMonth())
                        .bind("impact", w.classification().name()).bind("kind", w.kind().name())
                        .bind("disrupts", w.disrupts().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")))
                        .bind("consumer", w.consumerAffecting()).bind("score", w.riskScore())
                        .bind("description", w.description()).execute();
            }
            return previous.orElse(null);
        });
    }

    private static void delete(Handle h, String scheduleId) {
        h.createUpdate("DELETE FROM maintenance_window WHERE schedule_id = :id").bind("id", scheduleId).execute();
        h.createUpdate("DELETE FROM maintenance_schedule WHERE schedule_id = :id").bind("id", scheduleId).execute();
    }

    /** Stored windows open at some time in {@code [from, to)} (both instants, null for unbounded), by start. */
    List<StoredWindow> windows(Instant from, Instant to) {
        String where = (from == null ? "" : " AND w.end_at > :from") + (to == null ? "" : " AND w.start_at < :to");
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT w.schedule_id, s.schedule_month, w.window_id, w.start_at, w.end_at, w.start_month, w.impact,
                               w.window_kind, w.disrupts, w.consumer_affecting, w.risk_score, w.description
                        FROM maintenance_window w JOIN maintenance_schedule s ON s.schedule_id = w.schedule_id
                        WHERE 1 = 1""" + where + " ORDER BY w.start_at, w.window_id")
                .bindMap(bounds(from, to))
                .map((rs, ctx) -> new StoredWindow(rs.getString("schedule_id"), rs.getString("schedule_month"),
                        rs.getString("window_id"), local(rs.getTimestamp("start_at").toInstant()),
                        local(rs.getTimestamp("end_at").toInstant()), rs.getString("start_month"),
                        Impact.valueOf(rs.getString("impact")), WindowKind.valueOf(rs.getString("window_kind")),
                        disrupts(rs.getString("disrupts")), rs.getBoolean("consumer_affecting"),
                        rs.getObject("risk_score") == null ? null : rs.getInt("risk_score"),
                        rs.getString("description")))
                .list());
    }

    private static java.util.Map<String, Object> bounds(Instant from, Instant to) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        if (from != null) {
            m.put("from", from);
        }
        if (to != null) {
            m.put("to", to);
        }
        return m;
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
