package org.secflow.maintenance;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleSessions;

/**
 * Derives the facts of a {@link ParsedSchedule} in Java (UK local times, durations in minutes, the month each
 * window starts in, Working Days) and evaluates them with a rule-base version (rules/maintenance.drl). Used by
 * {@link MaintenanceService} and by the scenario tables. Thread-safe.
 */
public final class MaintenanceRules {
    private final WorkingDays workingDays;

    public MaintenanceRules(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** Checks {@code schedule} against {@code rules}. */
    public ScheduleValidation evaluate(LoadedRules rules, ParsedSchedule schedule) {
        MaintenanceScheduleFact s = new MaintenanceScheduleFact();
        s.setMonth(schedule.month().toString());
        s.setPublishedOn(schedule.publishedOn().toString());
        s.setWorkingDaysBeforeMonth(workingDays.between(schedule.publishedOn(), schedule.month().atDay(1)));
        s.setHasMonthlyWindows(schedule.windows().stream().anyMatch(w -> w.kind() == WindowKind.MONTHLY));

        List<MaintenanceWindowFact> windows = new ArrayList<>();
        Set<String> months = new LinkedHashSet<>();
        int seq = 0;
        for (ParsedWindow w : schedule.windows()) {
            MaintenanceWindowFact f = new MaintenanceWindowFact();
            f.setId(w.id());
            f.setSequence(++seq);
            f.setStart(w.start());
            f.setEnd(w.end());
            f.setStartMonth(w.start().toLocalDate().withDayOfMonth(1).toString().substring(0, 7));
            f.setDurationMinutes(Duration.between(zoned(w.start()), zoned(w.end())).toMinutes());
            f.setDisrupts(w.disrupts().stream().map(Enum::name).collect(Collectors.toSet()));
            f.setConsumerAffecting(w.consumerAffecting());
            f.setDeclaredImpact(w.impact() == null ? null : w.impact().name());
            f.setKind(w.kind().name());
            f.setComplexity(w.complexity() == null ? null : w.complexity().name());
            f.setWorkingDaysBeforeStart(workingDays.between(schedule.publishedOn(), w.start().toLocalDate()));
            windows.add(f);
            months.add(f.getStartMonth());
        }
        MaintenanceResult result = new MaintenanceResult();
        List<Object> facts = new ArrayList<>(windows);
        facts.add(s);
        months.forEach(m -> facts.add(new MaintenanceMonthFact(m)));
        facts.add(result);
        RuleSessions.fire(rules, facts);

        List<WindowAssessment> assessed = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            MaintenanceWindowFact f = windows.get(i);
            ParsedWindow w = schedule.windows().get(i);
            assessed.add(new WindowAssessment(w.id(), zoned(w.start()).toOffsetDateTime(), zoned(w.end()).toOffsetDateTime(),
                    f.getStartMonth(), f.getDurationMinutes(), w.kind(), w.disrupts(), w.consumerAffecting(), w.impact(),
                    f.getClassification() == null ? null : Impact.valueOf(f.getClassification()), f.getRiskScore(),
                    f.getWorkingDaysBeforeStart(), w.description()));
        }
        return new ScheduleValidation(s.getMonth(), schedule.publishedOn(), s.getWorkingDaysBeforeMonth(),
                result.getViolations().isEmpty(), assessed, result.getViolations(), result.getWarnings(), rules.version());
    }

    private static ZonedDateTime zoned(java.time.LocalDateTime local) {
        return local.atZone(ScheduleParser.UK);
    }
}
