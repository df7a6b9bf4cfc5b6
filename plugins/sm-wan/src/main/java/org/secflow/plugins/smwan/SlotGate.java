package org.secflow.plugins.smwan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code max} holders at once, the rest waiting first in, first out: the {@code maxConcurrent} limit of an
 * {@link SmWanCsp}. It hands over slots but runs nothing itself. Thread-safe.
 *
 * @param <T> what waits for a slot
 */
final class SlotGate<T> {
    private final int max;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int held;

    /** @param max slots, at least 1 */
    SlotGate(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a gate has at least one slot, got " + max);
        }
        this.max = max;
    }

    /** Takes a slot for {@code candidate} and returns true, or queues it and returns false. */
    synchronized boolean enterOrQueue(T candidate) {
        if (held < max) {
            held++;
            return true;
        }
        waiting.add(candidate);
        return false;
    }

    /** Frees a slot: returns the oldest waiting candidate, which now holds the slot, or null when none waits. */
    synchronized T leave() {
        T next = waiting.poll();
        if (next == null) {
            held--;
        }
        return next;
    }

    /** Removes {@code candidate} from the queue; false when it was not waiting (it holds a slot, or is gone). */
    synchronized boolean removeWaiting(T candidate) {
        return waiting.remove(candidate);
    }

    /** Removes and returns every waiting candidate (when the CSP closes). */
    synchronized List<T> drain() {
        List<T> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }

    /** Slots held now. */
    synchronized int held() {
        return held;
    }

    /** Candidates waiting now. */
    synchronized int waiting() {
        return waiting.size();
    }
}
