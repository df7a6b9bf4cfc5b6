package org.secflow.plugins.emulator;

import java.util.Arrays;

/**
 * The devices of one generated estate, kept compactly: each device's EUI-64 and its hub's EUI-64 in two primitive
 * arrays, and an open-addressing index from EUI-64 to position (about 24 bytes a device). Everything else about a
 * device follows from its ID ({@link DeviceIdentity}). Immutable once built, so lookups need no locking.
 */
final class HanSegment {
    /** What {@link #hubOf(long)} returns for a device not in this estate (no emulated EUI-64 is 0). */
    static final long ABSENT = 0L;

    private final long seed;
    private final int size;
    private final long[] ids;
    private final long[] hubs;
    private final int[] table;
    private final int mask;

    private HanSegment(Builder b) {
        this.seed = b.seed;
        this.size = b.size;
        this.ids = Arrays.copyOf(b.ids, size);
        this.hubs = Arrays.copyOf(b.hubs, size);
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = slot(ids[i]);
            while (table[slot] != 0) {
                if (ids[table[slot] - 1] == ids[i]) {
                    throw new IllegalStateException("duplicate Device ID in estate: " + Long.toHexString(ids[i]));
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    /** The seed the estate was generated from. */
    long seed() {
        return seed;
    }

    /** Number of devices. */
    int size() {
        return size;
    }

    /** Whether the device is in this estate. */
    boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    /** The EUI-64 of the hub whose HAN the device is on (its own for a CHF), or {@link #ABSENT}. */
    long hubOf(long id) {
        int i = indexOf(id);
        return i < 0 ? ABSENT : hubs[i];
    }

    private int indexOf(long id) {
        int slot = slot(id);
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (ids[entry - 1] == id) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Collects devices during generation; not thread-safe. */
    static final class Builder {
        private final long seed;
        private int size;
        private long[] ids;
        private long[] hubs;

        Builder(long seed, int expectedDevices) {
            this.seed = seed;
            int capacity = Math.max(16, expectedDevices);
            ids = new long[capacity];
            hubs = new long[capacity];
        }

        /** Records one device: its EUI-64 and its hub's EUI-64. */
        void add(long id, long hubId) {
            if (size == ids.length) {
                int capacity = size + (size >> 1);
                ids = Arrays.copyOf(ids, capacity);
                hubs = Arrays.copyOf(hubs, capacity);
            }
            ids[size] = id;
            hubs[size] = hubId;
            size++;
        }

        /** The immutable segment of the devices added so far. */
        HanSegment build() {
            return new HanSegment(this);
        }
    }
}
