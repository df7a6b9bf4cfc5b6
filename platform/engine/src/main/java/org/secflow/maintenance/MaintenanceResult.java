package org.secflow.maintenance;

import java.util.ArrayList;
import java.util.List;
import org.secflow.rules.RuleFinding;

/**
 * What the Planned Maintenance rules found in one schedule: rules call {@link #violation} and {@link #warning} in
 * their consequence (rules/maintenance.drl). Not thread-safe; one per evaluation.
 */
public final class MaintenanceResult {
    private final List<RuleFinding> violations = new ArrayList<>();
    private final List<RuleFinding> warnings = new ArrayList<>();

    /** Records a broken rule: the schedule may not be published as it is. */
    public void violation(String ruleId, String message, String source) {
        violations.add(new RuleFinding(ruleId, message, source));
    }

    /** Records advice not followed: the schedule may still be published. */
    public void warning(String ruleId, String message, String source) {
        warnings.add(new RuleFinding(ruleId, message, source));
    }

    public List<RuleFinding> getViolations() {
        return List.copyOf(violations);
    }

    public List<RuleFinding> getWarnings() {
        return List.copyOf(warnings);
    }
}
