package org.secflow.inventory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Devices as the Smart Metering Inventory last committed them, kept in memory so that deciding a Service Request
 * (SRV applicability, Alt HAN restrictions, Registered Supplier access) and answering SRV 8.2 read no SMI rows.
 *
 * <p>Why: under load every SMI read on the embedded HSQLDB took its transaction-manager lock, which HSQLDB holds while
 * it syncs the log of each commit, and its row cache's read-write lock, contended with the group-commit writer;
 * reading the device was about 40 % of a request thread's CPU (JFR, README "Benchmarks").
 *
 * <p>Never stale after a write returns: every transaction that writes {@code device} rows runs through
 * {@link #writing}, which evicts the devices it names after the commit (or roll-back). A device read from the
 * store is kept only if no write began or ended while it was read and none is running, so a read that raced a
 * write is answered from the store but not kept. A read between a writer's commit and its eviction can still see
 * the value before the commit, as a read that began just before the commit would. Devices that are not in the SMI
 * are not kept, so inserting a device evicts nothing. Premises and Communications Hub rows (joined into a
 * {@link Device}) are only ever inserted today; a writer that changes them must evict every device
 * ({@code writing(null, ...)}).
 *
 * <p>Writes by other processes: the embedded HSQLDB admits one process, so there are none. A PostgreSQL database may be
 * shared by several secflow processes; there each announces its committed device changes (a trigger, NOTIFY) and
 * every process's {@link SmiChangeListener} tells its read model to {@link #forget} them. Until the listener listens,
 * and whenever its connection is lost, the read model is {@link #deaf}: it forgets everything and keeps nothing, so
 * that no change goes unseen while no one listens. A change another process commits is seen here once its
 * notification arrives (milliseconds); a read in between answers as a read that began just before that commit.
 */
public final class SmiReadModel {
    private final Cache<String, Device> devices;
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    private volatile long generation;
    private int writing; // guarded by guard's write lock, read under its read lock
    /** Whether reads may be kept: false while changes by other processes could go unseen ({@link #deaf}). */
    private volatile boolean hearing = true;

    private SmiReadModel(Cache<String, Device> devices) {
        this.devices = devices;
    }

    /**
     * @param maxDevices most devices kept (least recently and frequently used go first), at least 1; a {@link Device}
     *        takes some 700 bytes of heap
     * @throws IllegalArgumentException when {@code maxDevices} is below 1
     */
    public static SmiReadModel keeping(int maxDevices) {
        if (maxDevices < 1) {
            throw new IllegalArgumentException("maxDevices must be at least 1, got " + maxDevices);
        }
        // evictions run on the calling thread: no pool thread of its own on a 2-core machine
        return new SmiReadModel(Caffeine.newBuilder().maximumSize(maxDevices).executor(Runnable::run).build());
    }

    /** A read model that keeps nothing: every read goes to the store (a database other processes write too). */
    public static SmiReadModel disabled() {
        return new SmiReadModel(null);
    }

    /**
     * The device, from memory when kept, else from {@code store} (and kept when no write raced the read).
     *
     * @param deviceId normalised Device ID (EUI-64, upper case with dashes)
     * @param store reads the device from the SMI tables
     */
    Optional<Device> find(String deviceId, Function<String, Optional<Device>> store) {
        if (devices == null) {
            return store.apply(deviceId);
        }
        Device kept = devices.getIfPresent(deviceId);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = generation;
        Optional<Device> read = store.apply(deviceId);
        if (read.isPresent()) {
            guard.readLock().lock();
            try {
                if (writing == 0 && generation == before && hearing) {
                    devices.put(deviceId, read.get());
                }
            } finally {
                guard.readLock().unlock();
            }
        }
        return read;
    }

    /**
     * Runs a transaction that writes {@code device} rows and evicts those devices after it ends, committed or not.
     *
     * @param deviceIds the normalised Device IDs it may change; {@code null} for "any" (evicts every device); empty
     *        for none (the transaction runs as it is and reads are kept meanwhile: a campaign's batches that confirm no
     *        device)
     * @param transaction the whole transaction, commit included
     * @return what the transaction returns
     */
    public <T> T writing(Collection<String> deviceIds, Supplier<T> transaction) {
        if (devices == null || (deviceIds != null && deviceIds.isEmpty())) {
            return transaction.get();
        }
        guard.writeLock().lock();
        try {
            writing++;
            generation++;
        } finally {
            guard.writeLock().unlock();
        }
        try {
            return transaction.get();
        } finally {
            guard.writeLock().lock();
            try {
                if (deviceIds == null) {
                    devices.invalidateAll();
                } else {
                    devices.invalidateAll(deviceIds);
                }
                writing--;
                generation++;
            } finally {
                guard.writeLock().unlock();
            }
        }
    }

    /**
     * Forgets these devices because another process changed them (a notification after its commit); a read of one of
     * them that is under way now is not kept.
     *
     * @param deviceIds normalised Device IDs; {@code null} for every device
     */
    public void forget(Collection<String> deviceIds) {
        if (devices == null) {
            return;
        }
        guard.writeLock().lock();
        try {
            generation++;
            if (deviceIds == null) {
                devices.invalidateAll();
            } else {
                devices.invalidateAll(deviceIds);
            }
        } finally {
            guard.writeLock().unlock();
        }
    }

    /**
     * Forgets every device and keeps none until {@link #hearing} is called: changes by other processes could go unseen
     * now (before the listener listens, or after its connection to the database was lost).
     */
    public void deaf() {
        hearing = false;
        forget(null);
    }

    /** Keeps devices again: every change committed from now on will be announced. Forgets what it kept before. */
    public void hearing() {
        forget(null);
        hearing = true;
    }

    /** Whether reads are kept now (not {@link #deaf}). */
    public boolean isHearing() {
        return hearing;
    }

    /** Devices kept now (an estimate: eviction is asynchronous). */
    public long size() {
        return devices == null ? 0 : devices.estimatedSize();
    }
}
