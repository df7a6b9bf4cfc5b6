package org.secflow.servicerequest;

import java.util.ArrayList;
import java.util.List;
import org.secflow.rules.RuleFinding;

/**
 * The rules' verdict on one {@link ServiceRequestFact}: rules call {@link #reject} in their consequence on the
 * global {@code decision} ({@link RuleEvaluator}); it is never a fact, so a rule cannot match it. Not thread-safe;
 * one per evaluation.
 */
public final class Decision {
    private final List<RuleFinding> violations = new ArrayList<>(2);

    /** Records a broken rule (called from DRL and decision tables). */
    public void reject(String ruleId, String message, String source) {
        violations.add(new RuleFinding(ruleId, message, source));
    }

    public boolean isAccepted() {
        return violations.isEmpty();
    }

    public List<RuleFinding> getViolations() {
        return List.copyOf(violations);
    }
}
