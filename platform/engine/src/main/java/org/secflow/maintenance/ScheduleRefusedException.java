package org.secflow.maintenance;

import java.util.List;
import org.secflow.problem.DomainProblem;
import org.secflow.rules.RuleFinding;

/** A schedule breaks Planned Maintenance rules and is not stored (HTTP 422 with the violations). */
public final class ScheduleRefusedException extends DomainProblem {
    private final transient List<RuleFinding> violations;
    private final String ruleSetVersion;

    public ScheduleRefusedException(String month, List<RuleFinding> violations, String ruleSetVersion) {
        super("the Planned Maintenance schedule for " + month + " breaks " + violations.size() + " rule(s): "
                + violations.get(0).message(), null, violations.get(0).ruleId());
        this.violations = List.copyOf(violations);
        this.ruleSetVersion = ruleSetVersion;
    }

    /** Every broken rule. */
    public List<RuleFinding> violations() {
        return violations;
    }

    /** Version (hash) of the rules that checked it. */
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    @Override
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of("violations", violations, "ruleSetVersion", ruleSetVersion);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Planned Maintenance schedule refused";
    }
}
