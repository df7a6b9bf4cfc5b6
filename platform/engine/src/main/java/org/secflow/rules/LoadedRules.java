package org.secflow.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One built, immutable version of the rule base.
 *
 * @param kieBase the Drools rule base
 * @param sessions one stateful session per thread ({@link RuleSessions#newSession}), emptied after every decision but
 *     for its {@link StandingFact}s (building a session per decision costs more than the decision)
 * @param version content hash of all files (first 16 hex digits of a SHA-256 over names and contents); every
 *     decision records it
 * @param loadedAt when it was built
 * @param files its files
 * @param globals names of the globals the rule files declare (e.g. {@code decision}, see
 *     {@link RuleFeature#globalOnlyTypes()}); a session accepts only these
 * @param data the data tables read with these rules by global name ({@link RuleData}; empty tables when the
 *     directory has none and no rule reads them); the rules see each as its global, other code reads it here
 * @param limits firing limit and time budget of every decision ({@link RuleSessions#fireGuarded})
 * @param faults the decisions this version could not make, per rule
 * @param timings how long firings took, shared by every version the same {@link RuleLoader} loaded
 */
public record LoadedRules(KieBase kieBase, ThreadLocal<KieSession> sessions, String version, Instant loadedAt,
                          List<RuleFileInfo> files, Set<String> globals, Map<String, Object> data,
                          DecisionLimits limits, RuleFaults faults, RuleTimings timings) {

    /**
     * The data tables of one global.
     *
     * @throws IllegalArgumentException when no installed {@link RuleData} has that global
     */
    public <T> T data(String global, Class<T> type) {
        Object tables = data.get(global);
        if (tables == null) {
            throw new IllegalArgumentException("no rule data for the global " + global + "; installed: " + data.keySet());
        }
        return type.cast(tables);
    }

    /**
     * A new session of this version outside {@link #sessions}, with the same globals, for a long pass of decisions on
     * one thread; the caller disposes it when the pass ends. A reused session, emptied after every decision, still
     * holds what each decision left (a campaign's eligibility pass over a million devices kept about 1.1 GB of facts and
     * Drools tuples, docs/performance.md); disposing the session lets all of it go.
     */
    public KieSession newSession() {
        Map<String, Object> sessionGlobals = new java.util.HashMap<>();
        data.forEach((global, tables) -> {
            if (globals.contains(global)) {
                sessionGlobals.put(global, tables);
            }
        });
        return RuleSessions.newSession(kieBase, sessionGlobals);
    }

    /** Number of rules over all files. */
    public int ruleCount() {
        return files.stream().mapToInt(RuleFileInfo::ruleCount).sum();
    }
}
