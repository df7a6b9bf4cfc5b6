package org.secflow.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The faults of one rule-base version ({@link RuleFaultException}), counted per rule, for {@code GET /api/rules}.
 * Thread-safe.
 */
public final class RuleFaults {
    private final Map<String, LongAdder> byRule = new ConcurrentHashMap<>();
    private final AtomicReference<Fault> last = new AtomicReference<>();
    private final Clock clock;

    public RuleFaults(Clock clock) {
        this.clock = clock;
    }

    /**
     * One fault.
     *
     * @param rule rule name
     * @param file its file, or null
     * @param reason what happened
     * @param at when
     */
    public record Fault(String rule, String file, String reason, Instant at) {
    }

    void record(String rule, String file, String reason) {
        byRule.computeIfAbsent(rule, r -> new LongAdder()).increment();
        last.set(new Fault(rule, file, reason, clock.instant()));
    }

    /** Faults per rule name, sorted by name. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        byRule.forEach((rule, n) -> out.put(rule, n.sum()));
        return out;
    }

    /** Faults over all rules. */
    public long total() {
        return byRule.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The latest fault, or null. */
    public Fault last() {
        return last.get();
    }
}
