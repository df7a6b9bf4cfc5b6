package org.secflow.maintenance;

import java.util.List;
import org.secflow.rules.RuleFinding;
import org.secflow.rules.RulesRefusedException;

/** A schedule breaks Planned Maintenance rules and is not stored (HTTP 422 with the violations). */
public final class ScheduleRefusedException extends RulesRefusedException {

    public ScheduleRefusedException(String month, List<RuleFinding> violations, String ruleSetVersion) {
        super("Planned Maintenance schedule refused", "the Planned Maintenance schedule for " + month + " breaks "
                + violations.size() + " rule(s): " + violations.get(0).message(), violations, ruleSetVersion);
    }
}
