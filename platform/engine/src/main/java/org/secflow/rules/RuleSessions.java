package org.secflow.rules;

import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs a set of facts through a rule-base version on the calling thread's session of {@link LoadedRules} and
 * empties the session afterwards, whatever happens. For features whose facts are not Service Requests (Planned
 * Maintenance); the rules read and write the facts themselves (collectors inserted among them).
 */
public final class RuleSessions {
    private RuleSessions() {
    }

    /**
     * Inserts every fact, fires all rules, deletes every fact.
     *
     * @return the number of rules fired
     */
    public static int fire(LoadedRules rules, Collection<?> facts) {
        KieSession session = rules.sessions().get();
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            return session.fireAllRules();
        } finally {
            for (Object h : List.copyOf(session.getFactHandles())) {
                session.delete((FactHandle) h);
            }
        }
    }
}
