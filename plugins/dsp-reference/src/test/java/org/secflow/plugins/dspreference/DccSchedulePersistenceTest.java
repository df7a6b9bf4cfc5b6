package org.secflow.plugins.dspreference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Dsp;
import org.secflow.spi.Region;
import org.secflow.spi.ServiceRequest;
import org.secflow.testkit.FakeCsp;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

/**
 * DCC schedules (SRV 5.1) kept in the DSP's data folder: a DSP started again on the folder, as after a restart of the
 * platform, runs them on and lists them (5.2) until 5.3 deletes them; without a data folder they end with the DSP.
 */
class DccSchedulePersistenceTest {
    private static final DeviceId HUB = DeviceId.parse("00-DB-00-00-00-00-03-00");
    private static final DeviceId ESME = DeviceId.parse("00-DB-00-00-00-00-03-E1");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    /** A DSP over a fresh CSP and context, as a new process would start it on {@code dir} (null: no data folder). */
    private record Started(Dsp dsp, FakeCsp csp, FakeProviderContext context) implements AutoCloseable {
        static Started on(Path dir) {
            FakeCsp csp = new FakeCsp();
            FakeProviderContext context = new FakeProviderContext(DspReferenceFactory.ID)
                    .withRoute(ESME, new CommsHubRoute(HUB, Region.NORTH, DeviceType.ESME))
                    .withCsp(Region.NORTH, csp);
            if (dir != null) {
                context.withDataDirectory(dir);
            }
            return new Started(new DspReferenceFactory().create(context), csp, context);
        }

        DeviceEvent answer(String id, String srv, Map<String, String> payload) throws Exception {
            RecordingListener listener = new RecordingListener();
            assertThat(dsp.submit(new ServiceRequest(id, srv, "USER-IS-1", "IS", ESME, payload, null), listener)
                    .accepted()).isTrue();
            return listener.await(e -> e.stage() == DeviceEvent.Stage.DEVICE_RESPONSE
                    || e.stage() == DeviceEvent.Stage.FAILED, WAIT);
        }

        /** Waits for a command of the scheduled SRV (4.8.1 to an ESME: ECS22b) at the CSP. */
        CommsHubCommand awaitRun() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                var runs = csp.commands().stream().filter(c -> c.gbcsUseCase().equals("ECS22b")).toList();
                if (!runs.isEmpty()) {
                    return runs.get(0);
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no run of the DCC schedule reached the CSP within " + WAIT);
        }

        @Override
        public void close() {
            dsp.close();
            context.close();
        }
    }

    @Test
    void aScheduleRunsOnAfterARestartUntilDeleted() throws Exception {
        Path dir = Files.createDirectories(data.resolve("plugins/dsp-reference"));
        try (Started first = Started.on(dir)) {
            DeviceEvent created = first.answer("s-1", "5.1", Map.of("scheduledSrv", "4.8.1", "intervalMs", "1000"));
            assertThat(created.data()).containsEntry("scheduleId", "s-1");
            assertThat(first.awaitRun().deviceId()).isEqualTo(ESME);
        }
        assertThat(dir.resolve(DccScheduleFile.FILE)).content().contains("s-1\t" + ESME.value() + "\t4.8.1\t");

        try (Started second = Started.on(dir)) {
            assertThat(second.answer("r-2", "5.2", Map.of()).data()).containsEntry("scheduleIds", "s-1");
            CommsHubCommand run = second.awaitRun();
            assertThat(run.deviceId()).isEqualTo(ESME);
            assertThat(run.deviceType()).isEqualTo(DeviceType.ESME);
            assertThat(second.answer("d-3", "5.3", Map.of("scheduleId", "s-1")).stage())
                    .isEqualTo(DeviceEvent.Stage.DEVICE_RESPONSE);
            assertThat(second.answer("r-4", "5.2", Map.of()).data()).containsEntry("scheduleIds", "");
        }

        try (Started third = Started.on(dir)) {
            assertThat(third.answer("r-5", "5.2", Map.of()).data()).containsEntry("scheduleIds", "");
            Thread.sleep(1500); // more than one interval: a deleted schedule sends nothing
            assertThat(third.csp.commands()).isEmpty();
        }
    }

    @Test
    void runsKeepTheirTimesAcrossARestart() throws Exception {
        Path dir = Files.createDirectories(data.resolve("times"));
        long created;
        try (Started first = Started.on(dir)) {
            created = System.currentTimeMillis();
            first.answer("s-t", "5.1", Map.of("scheduledSrv", "4.8.1", "intervalMs", "60000"));
        }
        var stored = new DccScheduleFile(dir).read();
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.scheduleId()).isEqualTo("s-t");
            assertThat(e.srv()).isEqualTo("4.8.1");
            assertThat(e.userRole()).isEqualTo("IS");
            assertThat(e.intervalMs()).isEqualTo(60_000);
            assertThat(e.startMs()).isBetween(created - 1000, created + 1000);
        });
        try (Started second = Started.on(dir)) {
            // the next run is a minute after creation, not at the restart: nothing is due yet
            Thread.sleep(300);
            assertThat(second.csp.commands()).isEmpty();
            assertThat(second.answer("r-t", "5.2", Map.of()).data()).containsEntry("scheduleIds", "s-t");
        }
    }

    @Test
    void withoutADataFolderSchedulesEndWithTheDsp() throws Exception {
        try (Started first = Started.on(null)) {
            first.answer("s-m", "5.1", Map.of("scheduledSrv", "4.8.1", "intervalMs", "60000"));
            assertThat(first.answer("r-m", "5.2", Map.of()).data()).containsEntry("scheduleIds", "s-m");
        }
        try (Started second = Started.on(null)) {
            assertThat(second.answer("r-n", "5.2", Map.of()).data()).containsEntry("scheduleIds", "");
        }
    }
}
