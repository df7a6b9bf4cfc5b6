package org.secflow.maintenance;

import java.util.Map;
import java.util.Objects;
import org.secflow.rules.scenario.Outcome;

/**
 * One case of a Planned Maintenance scenario table ({@code rules/maintenance*.cases.csv}): a schedule (one row
 * per window) and what the whole rule base must say of it.
 *
 * @param file scenario table file name
 * @param line 1-based line of the case's first row
 * @param name the case's name, unique in its file
 * @param schedule the schedule, as an API user would send it
 * @param expectedClasses window id to the classification expected (only windows with a value in expectedClass)
 * @param expectedOutcome ACCEPTED (no violation) or REJECTED
 * @param expectedRuleId REJECTED: a rule id that must be among the violations; ACCEPTED: null, or a rule id that
 *     must be among the warnings
 */
public record MaintenanceCase(String file, long line, String name, ProposedSchedule schedule,
                              Map<String, Impact> expectedClasses, Outcome expectedOutcome, String expectedRuleId) {
    public MaintenanceCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "case");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(expectedOutcome, "expectedOutcome");
        expectedClasses = Map.copyOf(expectedClasses);
        if (expectedOutcome == Outcome.REJECTED && expectedRuleId == null) {
            throw new IllegalArgumentException("a REJECTED case names the rule id expected among the violations (expectedRuleId)");
        }
    }

    /** Where the case is written: {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
