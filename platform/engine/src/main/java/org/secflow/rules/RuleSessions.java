package org.secflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
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
     * A new session of a rule base that keeps track of the facts it must forget after each decision: every inserted
     * fact but the {@link StandingFact}s. {@link LoadedRules#sessions} makes one per thread.
     */
    public static KieSession newSession(KieBase base) {
        return newSession(base, java.util.Map.of());
    }

    /**
     * A new session as {@link #newSession(KieBase)}, with globals that stay for its life: immutable data of the
     * rule-base version (the registration tables, {@link RuleLoader#REGISTRATION_GLOBAL}).
     */
    public static KieSession newSession(KieBase base, java.util.Map<String, Object> globals) {
        KieSession session = base.newKieSession();
        globals.forEach(session::setGlobal);
        session.addEventListener(new TransientFacts());
        return session;
    }

    /**
     * Deletes every fact of a session but its {@link StandingFact}s (a thread's reused session, after one decision).
     * The session knows those facts already, so a decision does not walk the standing ones (a walk over the 129 SRV
     * applicability facts cost more than the decision).
     *
     * @throws IllegalArgumentException for a session not made by {@link #newSession}
     */
    public static void empty(KieSession session) {
        for (Object l : session.getRuleRuntimeEventListeners()) {
            if (l instanceof TransientFacts t) {
                t.deleteAll(session);
                return;
            }
        }
        throw new IllegalArgumentException("not a session of RuleSessions.newSession: it does not track its facts");
    }

    /** The handles of the facts inserted and not yet deleted, standing facts left out. Not thread-safe (one per session). */
    private static final class TransientFacts extends DefaultRuleRuntimeEventListener {
        private final Set<FactHandle> handles = new LinkedHashSet<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (!(event.getObject() instanceof StandingFact)) {
                handles.add(event.getFactHandle());
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            handles.remove(event.getFactHandle());
        }

        void deleteAll(KieSession session) {
            for (FactHandle h : new ArrayList<>(handles)) {
                session.delete(h);
            }
            handles.clear();
        }
    }
}
