package org.secflow.servicerequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Service Request decisions of this process by SRV and outcome ({@code ACCEPTED}, {@code REJECTED}), as audited in
 * the decision audit. Lock-free, so the request path stays as fast as without it; the server exposes it as a counter
 * ({@code GET /api/metrics}).
 */
public final class DecisionCounts {
    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * An SRV and an outcome.
     *
     * @param srv the Service Request Variant, e.g. {@code 8.2} (DUIS, Service Request matrix)
     * @param outcome {@code ACCEPTED} or {@code REJECTED}
     */
    public record Key(String srv, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = srv.compareTo(o.srv);
            return c != 0 ? c : outcome.compareTo(o.outcome);
        }
    }

    void record(String srv, String outcome) {
        counts.computeIfAbsent(new Key(srv, outcome), k -> new LongAdder()).increment();
    }

    /** The decisions so far, by SRV and outcome. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The decisions so far for one SRV and outcome (0 when none). */
    public long count(Key key) {
        LongAdder a = counts.get(key);
        return a == null ? 0 : a.sum();
    }
}
