package org.secflow.rules;

import java.util.ArrayList;
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
            empty(session);
        }
    }

    /**
     * Deletes every fact of a session (a thread's reused session, after one decision). The handles are collected
     * before deleting, because the session's handle collection is a live view, with a plain loop: copying the view
     * with {@code List.copyOf} (through its {@code toArray}) cost about a fifth of a Service Request decision in
     * {@code secflow bench rules}.
     */
    public static void empty(KieSession session) {
        List<FactHandle> handles = new ArrayList<>(4);
        for (FactHandle h : session.getFactHandles()) {
            handles.add(h);
        }
        for (FactHandle h : handles) {
            session.delete(h);
        }
    }
}
