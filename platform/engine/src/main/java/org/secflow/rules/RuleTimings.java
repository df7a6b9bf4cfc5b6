package org.secflow.rules;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the rules took to decide: every firing ({@link RuleSessions#fire}, {@link RuleSessions#fireGuarded}) of
 * every version a {@link RuleLoader} loaded, counted and summed in nanoseconds. Lock-free (adders), so that the
 * decision path stays as fast as without it; the server exposes it as a timer ({@code GET /api/metrics}).
 */
public final class RuleTimings {
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    /** Records one firing of {@code nanos} nanoseconds. */
    public void record(long nanos) {
        count.increment();
        totalNanos.add(nanos);
        maxNanos.accumulate(nanos);
    }

    /** Firings recorded. */
    public long count() {
        return count.sum();
    }

    /** Their total time, in nanoseconds. */
    public double totalNanos() {
        return totalNanos.sum();
    }

    /** The longest, in nanoseconds, since the process started. */
    public long maxNanos() {
        return maxNanos.get();
    }
}
