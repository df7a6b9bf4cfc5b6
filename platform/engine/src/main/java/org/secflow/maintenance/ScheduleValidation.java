package org.secflow.maintenance;

import java.time.LocalDate;
import java.util.List;
import org.secflow.rules.RuleFinding;

/**
 * The result of checking a schedule against the Planned Maintenance rules.
 *
 * @param month the month of the schedule, {@code yyyy-MM}
 * @param publishedOn the publication day
 * @param workingDaysBeforeMonth Working Days from publication (included) to the first day of the month (excluded)
 * @param valid whether no rule is broken (warnings allowed)
 * @param windows every window, in order of start, with its classification
 * @param violations every broken rule, with rule id, message and source
 * @param warnings advice not followed
 * @param ruleSetVersion version (hash) of the rules that checked it
 */
public record ScheduleValidation(String month, LocalDate publishedOn, int workingDaysBeforeMonth, boolean valid,
                                 List<WindowAssessment> windows, List<RuleFinding> violations, List<RuleFinding> warnings,
                                 String ruleSetVersion) {
    public ScheduleValidation {
        windows = List.copyOf(windows);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }
}
