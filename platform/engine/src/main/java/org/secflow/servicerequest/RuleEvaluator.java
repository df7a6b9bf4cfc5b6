package org.secflow.servicerequest;

import java.util.List;
import org.secflow.rules.LoadedRules;

/** Runs one {@link ServiceRequestFact} through a rule-base version. Thread-safe (stateless sessions). */
public final class RuleEvaluator {
    private RuleEvaluator() {
    }

    /**
     * Evaluates a fact.
     *
     * @return the decision: accepted when no rule rejected the fact
     */
    public static Decision evaluate(LoadedRules rules, ServiceRequestFact fact) {
        Decision decision = new Decision();
        rules.session().execute(List.of(fact, decision));
        return decision;
    }
}
