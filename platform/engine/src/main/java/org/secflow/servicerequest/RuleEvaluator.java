package org.secflow.servicerequest;

import org.kie.api.runtime.KieSession;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFaultException;
import org.secflow.rules.RuleSessions;

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
     * @throws RuleFaultException when a rule throws or the decision goes over its {@link org.secflow.rules.DecisionLimits}
     */
    public static Decision evaluate(LoadedRules rules, ServiceRequestFact fact) {
        return evaluate(rules, rules.sessions().get(), fact);
    }

    /**
     * As {@link #evaluate(LoadedRules, ServiceRequestFact)} in a session of the caller's ({@link LoadedRules#newSession},
     * one thread's, disposed by the caller when done; a rule fault disposes it at once).
     */
    public static Decision evaluate(LoadedRules rules, KieSession session, ServiceRequestFact fact) {
        Decision decision = null;
        boolean faulted = false;
        try {
            if (rules.globals().contains(DECISION_GLOBAL)) {
                decision = sessionDecision(session);
            }
            session.insert(fact);
            RuleSessions.fireGuarded(rules, session);
        } catch (RuleFaultException e) {
            faulted = true; // the session was disposed and dropped
            throw e;
        } finally {
            if (!faulted) {
                RuleSessions.empty(session); // the request and what the rules inserted for it; the SRV's SrvApplicability stands
            }
        }
        return decision == null ? new Decision() : decision.copy();
    }

    /**
     * The session's own {@link Decision}, set as its global once and cleared for each evaluation: setting a global
     * goes through Drools' global map and type check, which cost more per decision (7 % of a decision's samples) than
     * copying the findings out.
     */
    private static Decision sessionDecision(KieSession session) {
        if (session.getGlobal(DECISION_GLOBAL) instanceof Decision d) {
            d.clear();
            return d;
        }
        Decision d = new Decision();
        session.setGlobal(DECISION_GLOBAL, d);
        return d;
    }
}
