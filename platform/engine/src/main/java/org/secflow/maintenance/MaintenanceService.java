package org.secflow.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.RuleBase;

/**
 * Planned Maintenance (SEC H8 as changed by MP092; SEC Panel paper, December 2020): checks proposed schedules against the rules in
 * service (rules/maintenance.drl, the same {@link RuleBase} as every other rule, reloaded without restart), stores
 * published schedules that break no rule, and lists stored windows. Thread-safe.
 */
public final class MaintenanceService {
    private final RuleBase rules;
    private final MaintenanceRules evaluator;
    private final MaintenanceStore store;
    private final Clock clock;

    public MaintenanceService(Jdbi jdbi, RuleBase rules, WorkingDays workingDays, Clock clock) {
        this.rules = rules;
        this.evaluator = new MaintenanceRules(workingDays);
        this.store = jdbi.onDemand(MaintenanceStore.class);
        this.clock = clock;
    }

    /**
     * Checks a schedule: every window's classification and risk score, every violation and warning, the rules'
     * version. Writes nothing.
     *
     * @throws org.secflow.problem.BadRequestException naming the field when the schedule cannot be read
     */
    public ScheduleValidation validate(ProposedSchedule schedule) {
        return evaluator.evaluate(rules.current(), ScheduleParser.parse(schedule));
    }

    /**
     * Stores a published schedule when it breaks no rule; it replaces a schedule stored before for the same month
     * (a reissued schedule, SEC H8.4A).
     *
     * @throws ScheduleRefusedException with every violation; nothing stored
     * @throws org.secflow.problem.BadRequestException naming the field when the schedule cannot be read
     * @throws org.secflow.problem.InvalidFieldException (422) for a schedule without windows; nothing stored
     */
    public StoredSchedule publish(String userId, ProposedSchedule schedule) {
        if (schedule.windows() != null && schedule.windows().isEmpty()) {
            // storing it would silently drop every window stored for the month
            throw new org.secflow.problem.InvalidFieldException("windows", "a published schedule has at least one window; "
                    + "it replaces the month's stored windows, so an empty one would withdraw them all without saying so",
                    "windows is empty");
        }
        ScheduleValidation v = validate(schedule);
        if (!v.valid()) {
            throw new ScheduleRefusedException(v.month(), v.violations(), v.ruleSetVersion());
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String replaced = store.store(id, v, userId, now);
        return new StoredSchedule(id, v.month(), userId, now, replaced, v);
    }

    /** Stored windows open at some time between {@code from} (included) and {@code to} (excluded), UK local; null = unbounded. */
    public List<StoredWindow> windows(LocalDateTime from, LocalDateTime to) {
        return store.windows(from == null ? null : from.atZone(ScheduleParser.UK).toInstant(),
                to == null ? null : to.atZone(ScheduleParser.UK).toInstant());
    }
}
