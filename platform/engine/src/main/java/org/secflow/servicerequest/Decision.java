package org.secflow.servicerequest;

import java.util.ArrayList;
import java.util.List;
import org.secflow.rules.RuleFinding;

/**
 * The rules' verdict on one {@link ServiceRequestFact}: rules call {@link #reject} in their consequence on the
 * global {@code decision} ({@link RuleEvaluator}); it is never a fact, so a rule cannot match it. Not thread-safe;
 * one per session, cleared before each evaluation, and a copy returned to the caller.
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

    /** Forgets every finding: a session's own decision, reused for its next evaluation ({@link RuleEvaluator}). */
    void clear() {
        violations.clear();
    }

    /** A new decision with the same findings, which later evaluations on the session do not touch. */
    Decision copy() {
        Decision d = new Decision();
        d.violations.addAll(violations);
        return d;
    }
}
