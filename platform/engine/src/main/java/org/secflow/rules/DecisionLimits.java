package org.secflow.rules;

/**
 * What one decision may cost before it is refused: a rule-set fault, not the request's (a consequence that
 * re-activates itself, {@code then update($r)}, fires without end).
 *
 * @param maxFirings rule firings one decision may make (default {@value #DEFAULT_MAX_FIRINGS}); the next one
 *     refuses the decision
 * @param budgetMs time (ms) one decision may take, checked before each firing (default {@value #DEFAULT_BUDGET_MS}):
 *     the decision is refused when both its wall-clock time and the CPU time of its thread are past it, so that a
 *     healthy decision on a loaded machine, its thread waiting for a processor, is not refused; a single consequence
 *     that never returns cannot be stopped by the JVM and is not bounded by this
 * @throws IllegalArgumentException when either is below 1
 */
public record DecisionLimits(int maxFirings, long budgetMs) {
    public static final int DEFAULT_MAX_FIRINGS = 1000;
    /**
     * 1 s: the first decisions of a new version on a thread build its rule network lazily (class generation,
     * constraint compilation), which took more than 50 ms for a Credit Cover case on a busy 2-core machine, and a
     * refused healthy decision is a lie; a consequence that re-activates itself is stopped by the firing limit
     * long before this.
     */
    public static final long DEFAULT_BUDGET_MS = 1000;
    /** The defaults: 1,000 firings, 1,000 ms. */
    public static final DecisionLimits DEFAULTS = new DecisionLimits(DEFAULT_MAX_FIRINGS, DEFAULT_BUDGET_MS);

    public DecisionLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("rules.maxFirings must be at least 1, was " + maxFirings);
        }
        if (budgetMs < 1) {
            throw new IllegalArgumentException("rules.decisionBudgetMs must be at least 1, was " + budgetMs);
        }
    }
}
