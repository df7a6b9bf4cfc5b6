package org.secflow.plugins.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed set of items with integer weights, picked with one {@code nextInt} draw and a short scan. Meant for the
 * handful of choices per premises in the generation loop.
 *
 * @param <T> the item type
 */
final class WeightedChoice<T> {
    private final List<T> items = new ArrayList<>();
    private int[] cumulative = new int[0];
    private int total;

    /** Adds an item with a positive weight; returns this. */
    WeightedChoice<T> add(T item, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive, got " + weight + " for " + item);
        }
        items.add(item);
        total += weight;
        int[] next = Arrays.copyOf(cumulative, cumulative.length + 1);
        next[next.length - 1] = total;
        cumulative = next;
        return this;
    }

    /** One item, each with probability weight / total weight. */
    T pick(SplittableRandom random) {
        int r = random.nextInt(total);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return items.get(i);
            }
        }
        throw new IllegalStateException("no items to pick from");
    }
}
