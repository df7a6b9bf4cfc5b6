package org.secflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CompilerThreadsCpu} on a task directory written as Linux writes {@code /proc/self/task} (proc(5)), and on
 * this process's own where there is one.
 */
class CompilerThreadsCpuTest {
    @TempDir
    Path tasks;

    /** A thread's {@code comm} and {@code stat}, with {@code utime} and {@code stime} in ticks. */
    private void thread(String tid, String name, long utime, long stime) throws IOException {
        Path t = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(t.resolve("comm"), name + "\n");
        // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(t.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 12 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 40 0 1234 0 0 18446744073709551615\n");
    }

    private void gone(String tid) throws IOException {
        Path t = tasks.resolve(tid);
        Files.delete(t.resolve("comm"));
        Files.delete(t.resolve("stat"));
        Files.delete(t);
    }

    @Test
    void sumsTheCompilerThreadsAloneAndKeepsTheTimeOfThoseThatEnded() throws Exception {
        thread("101", "C2 CompilerThre", 250, 50);
        thread("102", "C1 CompilerThre", 80, 20);
        thread("103", "qtp1-acceptor", 900, 100); // a request thread: not counted
        CompilerThreadsCpu cpu = new CompilerThreadsCpu(tasks);
        assertThat(cpu.available()).isTrue();
        assertThat(cpu.seconds()).isCloseTo(4.0, within(1e-9));

        gone("102"); // HotSpot stopped a compiler thread: its 1 s stays counted
        thread("101", "C2 CompilerThre", 300, 60);
        assertThat(cpu.seconds()).isCloseTo(4.6, within(1e-9));

        thread("102", "C1 CompilerThre", 5, 0); // a new compiler thread given the ended one's id
        assertThat(cpu.seconds()).isCloseTo(4.65, within(1e-9));
    }

    @Test
    void keepsItsLastFigureWhenTheDirectoryIsGoneAndIsNotAvailableWithoutIt() throws Exception {
        thread("7", "C2 CompilerThre", 10, 0);
        CompilerThreadsCpu cpu = new CompilerThreadsCpu(tasks);
        assertThat(cpu.seconds()).isCloseTo(0.1, within(1e-9));
        gone("7");
        Files.delete(tasks);
        assertThat(cpu.seconds()).isCloseTo(0.1, within(1e-9));
        assertThat(new CompilerThreadsCpu(tasks.resolve("none")).available()).isFalse();
    }

    @Test
    void readsThisProcessesCompilersOnLinux() {
        CompilerThreadsCpu cpu = new CompilerThreadsCpu(Path.of("/proc/self/task"));
        org.junit.jupiter.api.Assumptions.assumeTrue(cpu.available(), "Linux's /proc");
        // the test JVM has compiled its way here: its compilers have used some CPU, less than the process
        double seconds = cpu.seconds();
        double process = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        assertThat(seconds).isPositive().isLessThan(process);
    }
}
