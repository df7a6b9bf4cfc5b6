package org.secflow.server.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time the JVM's JIT compiler threads have used, read from Linux's per-thread accounting
 * ({@code /proc/self/task/<tid>/stat}, fields 14 and 15, {@code utime} and {@code stime}, in clock ticks of 1/100 s,
 * Linux's {@code USER_HZ}; proc(5)). HotSpot names those threads {@code C1 CompilerThreadN} and
 * {@code C2 CompilerThreadN}, which the kernel keeps cut to 15 characters in {@code comm}.
 *
 * <p>Why: the JVM reports the compilers' elapsed time ({@code jvm_compilation_time_ms_total}), which on a loaded
 * machine overstates their CPU, up to twice here. The process's CPU time minus this is what the application itself
 * used, which a benchmark can compare across runs whose JIT was at different stages (docs/performance.md, "Check the
 * JIT was done").
 *
 * <p>Monotonic: HotSpot starts and stops compiler threads with the load, and a stopped thread's time is kept, as is
 * a thread's whose id the kernel gives to a new thread. Safe for concurrent scrapes. {@link #available} is false
 * where there is no such file system (not Linux).
 */
final class CompilerThreadsCpu {
    /** Linux's {@code USER_HZ}: the clock ticks per second of {@code /proc} times on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path tasks;
    /** The last ticks read per thread id, for the threads seen as compilers. */
    private final Map<String, Long> seen = new HashMap<>();
    /** The ticks of compiler threads gone, or whose id now names another thread. */
    private long retired;

    /** @param tasks a process's task directory: {@code /proc/self/task} */
    CompilerThreadsCpu(Path tasks) {
        this.tasks = tasks;
    }

    boolean available() {
        return Files.isDirectory(tasks);
    }

    /** The compiler threads' CPU time so far, in seconds; what was read before, when the directory cannot be read. */
    synchronized double seconds() {
        Map<String, Long> now = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                Long ticks = compilerTicks(t);
                if (ticks != null) {
                    now.put(t.getFileName().toString(), ticks);
                }
            });
        } catch (IOException | RuntimeException e) {
            return total() / TICKS_PER_SECOND;
        }
        seen.forEach((tid, ticks) -> {
            Long current = now.get(tid);
            if (current == null || current < ticks) {
                retired += ticks; // the thread ended, or its id is another compiler thread's now
            }
        });
        seen.clear();
        seen.putAll(now);
        return total() / TICKS_PER_SECOND;
    }

    private long total() {
        return retired + seen.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A compiler thread's utime + stime in ticks; null for another thread, or one that ended while read. */
    private static Long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return null;
            }
            String stat = Files.readString(thread.resolve("stat"), StandardCharsets.UTF_8);
            // the name in parentheses may hold spaces: the fields after it start past the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
