package org.secflow.rules;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/**
 * One built, immutable version of the rule base.
 *
 * @param kieBase the Drools rule base
 * @param session a stateless session over it (thread-safe, reused for every decision)
 * @param version content hash of all files (first 16 hex digits of a SHA-256 over names and contents); every
 *     decision records it
 * @param loadedAt when it was built
 * @param files its files
 */
public record LoadedRules(KieBase kieBase, StatelessKieSession session, String version, Instant loadedAt,
                          List<RuleFileInfo> files) {

    /** Number of rules over all files. */
    public int ruleCount() {
        return files.stream().mapToInt(RuleFileInfo::ruleCount).sum();
    }
}
