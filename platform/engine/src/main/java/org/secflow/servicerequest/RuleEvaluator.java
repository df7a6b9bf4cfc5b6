package org.secflow.servicerequest;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.secflow.rules.LoadedRules;

/**
 * Runs one {@link ServiceRequestFact} through a rule-base version. Thread-safe: a session per thread. The rules
 * see the request as a fact and the {@link Decision} as the global {@code decision} (declared in each Service
 * Request rule file as {@code global Decision decision}), which their consequences call {@code reject} on.
 */
public final class RuleEvaluator {
    static final String DECISION_GLOBAL = "decision";

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
            if (rules.globals().contains(DECISION_GLOBAL)) {
                session.setGlobal(DECISION_GLOBAL, decision);
            }
            session.insert(fact);
            session.fireAllRules();
        } finally {
            // the request and what the rules inserted for it (its SrvApplicability), collected before deleting: the
            // session's handle collection is a live view. A plain loop, not List.copyOf: copying the view through
            // toArray cost a fifth of a decision (secflow bench rules)
            List<FactHandle> handles = new ArrayList<>(4);
            for (FactHandle h : session.getFactHandles()) {
                handles.add(h);
            }
            for (FactHandle h : handles) {
                session.delete(h);
            }
        }
        return decision;
    }
}
