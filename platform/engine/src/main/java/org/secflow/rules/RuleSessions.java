package org.secflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a set of facts through a rule-base version on the calling thread's session of {@link LoadedRules} and
 * empties the session afterwards, whatever happens. For features whose facts are not Service Requests (Planned
 * Maintenance); the rules read and write the facts themselves (collectors inserted among them).
 */
public final class RuleSessions {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSessions.class);

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
        boolean faulted = false;
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            return fireGuarded(rules, session);
        } catch (RuleFaultException e) {
            faulted = true; // the session is disposed: nothing to empty
            throw e;
        } finally {
            if (!faulted) {
                if (listener != null) {
                    session.removeEventListener(listener);
                }
                empty(session);
            }
        }
    }

    /**
     * Fires the rules of the calling thread's session of {@code rules} within the version's {@link DecisionLimits}:
     * before each firing the firings so far and the time taken are checked, and the decision is halted past either.
     * A consequence that throws, or a decision halted so, is counted in {@link LoadedRules#faults()} against the
     * rule; the session is disposed (the thread gets a fresh one at its next decision) and nothing keeps running.
     *
     * @return the number of rules fired
     * @throws RuleFaultException naming the rule and its file
     */
    public static int fireGuarded(LoadedRules rules, KieSession session) {
        DecisionGuard guard = new DecisionGuard(rules.limits(), session);
        int fired;
        long started = System.nanoTime();
        try {
            fired = session.fireAllRules(guard);
        } catch (ConsequenceException e) {
            LOG.warn("Rule '{}' of rules {} threw", e.getMatch() == null ? "?" : e.getMatch().getRule().getName(), rules.version(), e);
            throw fault(rules, session, e.getMatch() == null ? null : e.getMatch().getRule(), "threw an error in its consequence");
        } catch (RuntimeException e) {
            LOG.warn("A decision of rules {} failed", rules.version(), e);
            throw fault(rules, session, guard.lastRule, "failed while the rules were evaluated");
        } finally {
            rules.timings().record(System.nanoTime() - started);
        }
        if (guard.trippedBy != null) {
            throw fault(rules, session, guard.trippedBy, guard.reason);
        }
        return fired;
    }

    private static RuleFaultException fault(LoadedRules rules, KieSession session, Rule rule, String reason) {
        try {
            session.dispose();
        } catch (RuntimeException ignored) {
            // disposing a broken session: it is dropped either way
        }
        rules.sessions().remove();
        String name = rule == null ? "?" : rule.getName();
        String file = rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null
                ? impl.getResource().getSourcePath().substring(impl.getResource().getSourcePath().lastIndexOf('/') + 1) : null;
        rules.faults().record(name, file, reason);
        return new RuleFaultException(name, file, reason, rules.version());
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Counts the firings of one decision and halts it past its limits; one per decision, on its thread. */
    private static final class DecisionGuard implements AgendaFilter {
        private final int maxFirings;
        private final long budgetMs;
        private final long startNanos = System.nanoTime();
        /** The deciding thread's CPU time at the start (ns): the budget counts the rules' work, not the machine's load. */
        private final long startCpuNanos = THREADS.getCurrentThreadCpuTime();
        private final KieSession session;
        private int fired;
        private Rule lastRule;
        private Rule trippedBy;
        private String reason;

        DecisionGuard(DecisionLimits limits, KieSession session) {
            this.maxFirings = limits.maxFirings();
            this.budgetMs = limits.budgetMs();
            this.session = session;
        }

        @Override
        public boolean accept(Match match) {
            if (trippedBy != null) {
                return false; // halted: drain what is left without firing it
            }
            lastRule = match.getRule();
            if (++fired > maxFirings) {
                trip(match, "fired more than " + maxFirings + " times in one decision (rules.maxFirings); "
                        + "a consequence that updates what it matched re-activates itself");
                return false;
            }
            // wall time first (cheap); past the budget, the thread's own CPU time decides: a healthy decision whose
            // thread was descheduled on a loaded machine (or building its rule network) is not a runaway rule set
            long budgetNanos = budgetMs * 1_000_000L;
            if (System.nanoTime() - startNanos > budgetNanos && THREADS.getCurrentThreadCpuTime() - startCpuNanos > budgetNanos) {
                trip(match, "was to fire after the decision had taken more than " + budgetMs + " ms of CPU time (rules.decisionBudgetMs)");
                return false;
            }
            return true;
        }

        private void trip(Match match, String why) {
            trippedBy = culprit(session, match.getRule());
            reason = why;
            session.halt();
        }
    }

    /**
     * The rule that kept the decision going: the one whose consequences updated facts most often in it (a rule that
     * updates what it matched re-activates itself and every rule on that fact, so the rule about to fire may be an
     * innocent one), else the one that inserted most; {@code fallback} when no rule wrote.
     */
    private static Rule culprit(KieSession session, Rule fallback) {
        for (Object l : session.getRuleRuntimeEventListeners()) {
            if (l instanceof TransientFacts t) {
                for (java.util.Map<Rule, Integer> writes : List.of(t.updatesByRule, t.insertsByRule)) {
                    if (!writes.isEmpty()) {
                        return java.util.Collections.max(writes.entrySet(), java.util.Map.Entry.comparingByValue()).getKey();
                    }
                }
            }
        }
        return fallback;
    }

    /**
     * Sessions are confined to one thread ({@link LoadedRules#sessions} is a {@code ThreadLocal}; a fault disposes the
     * session on the thread that decided), so they are built without Drools' thread-safety: no lock on every insert
     * and delete, no synchronized propagation list and state machine on every {@code fireAllRules}. With it, the
     * monitor and lock hand-offs of those took about a quarter of a decision's samples (JFR, docs/performance.md).
     */
    private static final KieSessionConfiguration THREAD_CONFINED = threadConfined();

    private static KieSessionConfiguration threadConfined() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
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
        KieSession session = base.newKieSession(THREAD_CONFINED, null);
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
        /** Inserts and updates made by each rule's consequences in the current decision. */
        private final java.util.Map<Rule, Integer> insertsByRule = new java.util.HashMap<>();
        private final java.util.Map<Rule, Integer> updatesByRule = new java.util.HashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (!(event.getObject() instanceof StandingFact)) {
                handles.add(event.getFactHandle());
            }
            if (event.getRule() != null) {
                insertsByRule.merge(event.getRule(), 1, Integer::sum);
            }
        }

        @Override
        public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
            if (event.getRule() != null) {
                updatesByRule.merge(event.getRule(), 1, Integer::sum);
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
            insertsByRule.clear();
            updatesByRule.clear();
        }
    }
}
