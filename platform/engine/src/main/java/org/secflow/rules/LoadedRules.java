package org.secflow.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.secflow.registration.RegistrationTables;

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
 * @param registration the registration tables read with these rules (empty tables when the directory has none and
 *     no rule reads them); the rules see them as the global {@value RuleLoader#REGISTRATION_GLOBAL}, other code
 *     (SMI scoping of network operators) reads them here
 * @param limits firing limit and time budget of every decision ({@link RuleSessions#fireGuarded})
 * @param faults the decisions this version could not make, per rule
 * @param timings how long firings took, shared by every version the same {@link RuleLoader} loaded
 */
public record LoadedRules(KieBase kieBase, ThreadLocal<KieSession> sessions, String version, Instant loadedAt,
                          List<RuleFileInfo> files, Set<String> globals, RegistrationTables registration,
                          DecisionLimits limits, RuleFaults faults, RuleTimings timings) {

    /** Number of rules over all files. */
    public int ruleCount() {
        return files.stream().mapToInt(RuleFileInfo::ruleCount).sum();
    }
}
