package org.secflow.servicerequest;

import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.secflow.rules.LoadedRules;

/** Runs one {@link ServiceRequestFact} through a rule-base version. Thread-safe: a session per thread. */
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
        KieSession session = rules.sessions().get();
        try {
            session.insert(fact);
            session.insert(decision);
            session.fireAllRules();
        } finally {
            for (Object h : List.copyOf(session.getFactHandles())) {
                session.delete((FactHandle) h);
            }
        }
        return decision;
    }
}
