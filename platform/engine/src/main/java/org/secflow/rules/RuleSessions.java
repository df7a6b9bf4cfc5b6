package org.secflow.rules;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
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
        return fire(rules, facts, null);
    }

    /**
     * Inserts every fact, fires all rules, deletes every fact; tells {@code firedRuleNames} the name of every rule
     * that fired, in firing order (for an audit trail of which rules decided).
     *
     * @return the number of rules fired
     */
    public static int fire(LoadedRules rules, Collection<?> facts, Consumer<String> firedRuleNames) {
        KieSession session = rules.sessions().get();
        AgendaEventListener listener = firedRuleNames == null ? null : new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firedRuleNames.accept(event.getMatch().getRule().getName());
            }
        };
        if (listener != null) {
            session.addEventListener(listener);
        }
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            return session.fireAllRules();
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            for (Object h : List.copyOf(session.getFactHandles())) {
                session.delete((FactHandle) h);
            }
        }
    }
}
