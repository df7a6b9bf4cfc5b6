package org.secflow.plugins.emulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the emulated devices remember: per device a small map of named values (firmware images, supply status,
 * tariff, balances, logs; keys in {@link DeviceStateKeys}), kept in memory and, with a data folder, in the emulator's
 * own files there so that it survives a restart of the platform.
 *
 * <p>Files: {@value #SNAPSHOT} holds every device's state as of the last compaction, {@value #LOG} every change
 * since, one line per change ({@code <EUI-64 hex> key=value<TAB>key=value...}, a key without {@code =} removes the
 * value, {@code <EUI-64 hex> -} forgets the device). {@link #put} returns only once its line is written (group
 * commit: one {@code write} carries the lines of every change made meanwhile), so an answer the emulator gives after
 * a change never runs ahead of the file: the change survives a kill -9
 * of the platform process (the operating system holds the written bytes). It is not forced to the disk, so a power
 * loss may lose the last changes (and a command read in the microseconds between a change and its write may see a
 * value a kill then loses; the platform is told of a change only by the answer to the command that made it); the emulated devices are test equipment, not records. The log is folded into a new
 * snapshot (written aside, then moved over the old one) at start, at close and whenever it passes
 * {@value #COMPACT_AT_BYTES} bytes; a torn last line (the process killed in the middle of a write) is ignored.
 *
 * <p>One process owns the folder (a lock file); a second emulator on the same folder keeps its state in memory and
 * says so in the log. Thread-safe: changes are serialised, reads are lock-free.
 *
 * <p>About 370 lines, kept whole: memory, log, snapshot and lock file are one durability protocol under one lock (a
 * change is answered only once its line is written); splitting the files from the map would share that lock.
 */
final class DeviceStateStore implements AutoCloseable {
    static final String SNAPSHOT = "device-state.snapshot";
    static final String LOG = "device-state.log";
    static final String LOCK = "device-state.lock";
    static final long COMPACT_AT_BYTES = 64L << 20;
    private static final Logger LOGGER = LoggerFactory.getLogger(DeviceStateStore.class);

    private final ConcurrentHashMap<Long, Map<String, String>> devices = new ConcurrentHashMap<>();
    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;
    private FileChannel log;
    private long logBytes;
    /** Guards writing the log; taken before this store's lock when both are held. */
    private final Object flushLock = new Object();
    /** Lines queued for the log, guarded by this store's lock. */
    private final StringBuilder pending = new StringBuilder();
    private long appended;
    /** The sequence number of the last line written, guarded by {@link #flushLock}. */
    private long flushed;

    private DeviceStateStore(Path dir) {
        this.dir = dir;
    }

    /** A store that keeps its state in memory only (no data folder). */
    static DeviceStateStore inMemory() {
        return new DeviceStateStore(null);
    }

    /**
     * Opens the store in {@code dir}, reading the snapshot and the log there.
     *
     * @throws UncheckedIOException when the folder cannot be read or written
     */
    static DeviceStateStore open(Path dir) {
        DeviceStateStore store = new DeviceStateStore(dir);
        try {
            Files.createDirectories(dir);
            store.lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                store.lock = store.lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                store.lock = null; // held by another emulator of this JVM
            }
            if (store.lock == null) {
                LOGGER.warn("device state folder {} is used by another process; this emulator keeps its device state"
                        + " in memory only", dir);
                store.lockChannel.close();
                return inMemory();
            }
            store.read(dir.resolve(SNAPSHOT));
            store.read(dir.resolve(LOG));
            store.compact();
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot open the device emulator's state in " + dir, e);
        }
        return store;
    }

    /** One value of a device, or null. */
    String get(long id, String key) {
        Map<String, String> state = devices.get(id);
        return state == null ? null : state.get(key);
    }

    /** Every value of a device (unmodifiable; empty when the device has none). */
    Map<String, String> all(long id) {
        return devices.getOrDefault(id, Map.of());
    }

    /** Every device that holds {@code key}, with its value (a copy). */
    Map<Long, String> withKey(String key) {
        Map<Long, String> found = new HashMap<>();
        devices.forEach((id, values) -> {
            String v = values.get(key);
            if (v != null) {
                found.put(id, v);
            }
        });
        return found;
    }

    /** Whether any device has state. */
    boolean isEmpty() {
        return devices.isEmpty();
    }

    /**
     * Changes values of one device, all or none, and appends the change to the log before returning. A null value
     * removes the key.
     *
     * @throws UncheckedIOException when the log cannot be written; the change is then not made
     */
    void put(long id, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long seq;
        synchronized (this) {
            seq = change(id, changes);
        }
        flush(seq);
    }

    /**
     * Changes values of many devices as {@link #put} does, with one write to the log for all of them (e.g. the HAN
     * device logs of a generated estate's hubs).
     *
     * @throws UncheckedIOException when the log cannot be written
     */
    void putAll(Map<Long, Map<String, String>> changes) {
        long seq = 0;
        synchronized (this) {
            for (Map.Entry<Long, Map<String, String>> e : changes.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    seq = change(e.getKey(), e.getValue());
                }
            }
        }
        flush(seq);
    }

    /** Applies one device's change and queues its log line; returns the line's sequence number. Holds this lock. */
    private long change(long id, Map<String, String> changes) {
        Map<String, String> next = new HashMap<>(devices.getOrDefault(id, Map.of()));
        StringBuilder line = new StringBuilder(64).append(Long.toHexString(id));
        for (Map.Entry<String, String> e : changes.entrySet()) {
            line.append('\t').append(DeviceStateLine.escape(e.getKey()));
            if (e.getValue() == null) {
                next.remove(e.getKey());
            } else {
                next.put(e.getKey(), e.getValue());
                line.append('=').append(DeviceStateLine.escape(e.getValue()));
            }
        }
        long seq = append(line.append('\n'));
        if (next.isEmpty()) {
            devices.remove(id);
        } else {
            devices.put(id, Map.copyOf(next));
        }
        return seq;
    }

    /** Sets one value of a device (null removes it), durably as {@link #put}. */
    void put(long id, String key, String value) {
        Map<String, String> change = new HashMap<>(1);
        change.put(key, value);
        put(id, change);
    }

    /** Forgets every device {@code which} matches (e.g. the devices of an estate generated afresh). */
    void forget(LongPredicate which) {
        long seq = 0;
        synchronized (this) {
            for (Long id : devices.keySet()) {
                if (which.test(id)) {
                    seq = append(new StringBuilder(Long.toHexString(id)).append(" -\n"));
                    devices.remove(id);
                }
            }
        }
        flush(seq);
    }

    /** Folds the log into the snapshot and releases the folder. */
    @Override
    public void close() {
        synchronized (flushLock) {
            synchronized (this) {
                closeHoldingLocks();
            }
        }
    }

    private void closeHoldingLocks() {
        try {
            if (log != null) {
                write(pending.toString());
                pending.setLength(0);
                compact();
                log.close();
                log = null;
            }
            if (lock != null) {
                lock.release();
                lock = null;
            }
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        } catch (IOException e) {
            LOGGER.warn("closing the device state in {} failed; the log is read again at the next start", dir, e);
        }
    }

    /**
     * Lets go of the folder as a killed process would: no compaction, the log stays as written. For tests that
     * restart an emulator in the same JVM.
     */
    synchronized void abandon() throws IOException {
        if (log != null) {
            log.close();
            log = null;
        }
        if (lock != null) {
            lock.release();
            lock = null;
            lockChannel.close();
        }
    }

    /**
     * Queues a line for the log; returns its sequence number for {@link #flush}. Called holding this store's lock, so
     * lines queue in the order of the changes.
     */
    private long append(CharSequence line) {
        if (dir == null) {
            return 0;
        }
        if (log == null) {
            throw new IllegalStateException("the device emulator's state in " + dir + " is closed");
        }
        pending.append(line);
        return ++appended;
    }

    /**
     * Returns once line {@code seq} is written to the log (group commit: the first caller writes every line queued
     * so far with one {@code write}, callers whose lines it wrote return without writing). Compacts when the log
     * has passed {@value #COMPACT_AT_BYTES} bytes.
     *
     * @throws UncheckedIOException when the log cannot be written
     */
    private void flush(long seq) {
        if (dir == null || seq == 0) {
            return;
        }
        synchronized (flushLock) {
            if (flushed >= seq) {
                return;
            }
            String batch;
            long upTo;
            synchronized (this) {
                if (log == null) {
                    throw new IllegalStateException("the device emulator's state in " + dir + " is closed");
                }
                batch = pending.toString();
                pending.setLength(0);
                upTo = appended;
            }
            try {
                write(batch);
                flushed = upTo;
                if (logBytes > COMPACT_AT_BYTES) {
                    synchronized (this) {
                        write(pending.toString());
                        pending.setLength(0);
                        flushed = appended;
                        compact();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the device emulator's state log in " + dir, e);
            }
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        while (bytes.hasRemaining()) {
            logBytes += log.write(bytes);
        }
    }

    /** Writes every device's state to a new snapshot, moves it over the old one and starts an empty log. */
    private void compact() throws IOException {
        Path next = dir.resolve(SNAPSHOT + ".next");
        try (BufferedWriter out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            for (Map.Entry<Long, Map<String, String>> device : devices.entrySet()) {
                out.write(Long.toHexString(device.getKey()));
                for (Map.Entry<String, String> e : new TreeMap<>(device.getValue()).entrySet()) {
                    out.write('\t');
                    out.write(DeviceStateLine.escape(e.getKey()));
                    out.write('=');
                    out.write(DeviceStateLine.escape(e.getValue()));
                }
                out.write('\n');
            }
        }
        try (FileChannel c = FileChannel.open(next, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(next, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (log != null) {
            log.close();
        }
        log = FileChannel.open(dir.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        logBytes = 0;
    }

    private void read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(text.substring(0, end + 1)))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isEmpty()) {
                    apply(file, number, line);
                }
            }
        }
    }

    private void apply(Path file, int number, String line) {
        String[] parts = line.split("\t", -1);
        long id;
        try {
            id = Long.parseUnsignedLong(parts[0].endsWith(" -") ? parts[0].substring(0, parts[0].length() - 2) : parts[0], 16);
        } catch (NumberFormatException e) {
            LOGGER.warn("{} line {} names no device; skipped", file, number);
            return;
        }
        if (parts[0].endsWith(" -")) {
            devices.remove(id);
            return;
        }
        Map<String, String> next = new HashMap<>(devices.getOrDefault(id, Map.of()));
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                next.remove(DeviceStateLine.unescape(parts[i]));
            } else {
                next.put(DeviceStateLine.unescape(parts[i].substring(0, eq)), DeviceStateLine.unescape(parts[i].substring(eq + 1)));
            }
        }
        if (next.isEmpty()) {
            devices.remove(id);
        } else {
            devices.put(id, Map.copyOf(next));
        }
    }
}
