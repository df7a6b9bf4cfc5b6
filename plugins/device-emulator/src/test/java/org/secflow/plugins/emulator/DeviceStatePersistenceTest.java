package org.secflow.plugins.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.testkit.EstateFixtures.cs05c;
import static org.secflow.testkit.EstateFixtures.cs08;
import static org.secflow.testkit.EstateFixtures.find;
import static org.secflow.testkit.EstateFixtures.generate;
import static org.secflow.testkit.EstateFixtures.imageFor;
import static org.secflow.testkit.EstateFixtures.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.secflow.testkit.EstateFixtures;
import org.secflow.testkit.EstateFixtures.Located;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

/** The emulated devices remember what they were told across a restart of the emulator (a new JVM's emulator). */
class DeviceStatePersistenceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private static String read(DeviceEmulator emulator, CommsHubCommand cs08) throws Exception {
        RecordingListener listener = new RecordingListener();
        emulator.deliver(cs08, listener);
        return listener.await(Stage.DEVICE_RESPONSE, TIMEOUT).data().get("firmwareVersion");
    }

    @Test
    void keepsActivatedFirmwareAcrossARestartWithoutAnOrderlyClose() throws Exception {
        Located ppmid;
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).withDataDirectory(data)
                .with("latencyMs", "1").with("tcsoShare", "0")) {
            DeviceEmulator emulator = new HanEmulatorFactory().create(context);
            ppmid = find(generate(emulator, request(50, 7)), EstateFixtures::takesPpmidFirmware).orElseThrow();
            RecordingListener listener = new RecordingListener();
            emulator.deliver(cs05c("c1", ppmid, imageFor(ppmid.device(), "7.7.7")), listener);
            assertThat(listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT).data())
                    .containsEntry("result", "0");
            // no close: as after kill -9, only what was written before the answer is there
            ((HanEmulator) emulator).han().state().abandon();
        }
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).withDataDirectory(data)
                .with("latencyMs", "1")) {
            DeviceEmulator restarted = new HanEmulatorFactory().create(context);
            assertThat(read(restarted, cs08("c2", ppmid))).isEqualTo("7.7.7");
            restarted.close();
            assertThat(Files.readString(data.resolve(DeviceStateStore.LOG))).isEmpty();
            assertThat(Files.readString(data.resolve(DeviceStateStore.SNAPSHOT))).contains("7.7.7");
        }
    }

    /**
     * The platform (and the emulated devices in its process) killed after 0x8F8A and before 0x8F8B: the device had
     * the image and would have activated it at its activation time; started again, it reads the new version.
     */
    @Test
    void activatesAnImageTransferredBeforeAKillWhenStartedAgain() throws Exception {
        Located ppmid;
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).withDataDirectory(data)
                .with("latencyMs", "1").with("tcsoShare", "0").with("activationTimeMs", "600000")) {
            DeviceEmulator emulator = new HanEmulatorFactory().create(context);
            ppmid = find(generate(emulator, request(50, 7)), EstateFixtures::takesPpmidFirmware).orElseThrow();
            RecordingListener listener = new RecordingListener();
            emulator.deliver(cs05c("c1", ppmid, imageFor(ppmid.device(), "7.7.8")), listener);
            listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, TIMEOUT);
            assertThat(read(emulator, cs08("c1b", ppmid))).as("not yet activated").isNotEqualTo("7.7.8");
            ((HanEmulator) emulator).han().state().abandon();
        }
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).withDataDirectory(data)
                .with("latencyMs", "1")) {
            DeviceEmulator restarted = new HanEmulatorFactory().create(context);
            assertThat(read(restarted, cs08("c2", ppmid))).isEqualTo("7.7.8");
            restarted.close();
        }
    }

    @Test
    void answersADeviceAddedAfterStartUpAsTheTypeTheCommandNames() throws Exception {
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).with("latencyMs", "1")) {
            DeviceEmulator emulator = new HanEmulatorFactory().create(context);
            DeviceId hub = DeviceId.parse("00-DB-00-00-00-00-03-00");
            DeviceId hcalcs = DeviceId.parse("00-DB-00-00-00-00-03-01");
            RecordingListener listener = new RecordingListener();
            emulator.deliver(new CommsHubCommand("c1", "CS05c", hub, hcalcs, Region.SOUTH, Map.of(),
                    new org.secflow.spi.FirmwareImage("Acme", "Any", "2.0.0", "a".repeat(64),
                            java.util.Set.of(DeviceType.PPMID)), DeviceType.HCALCS), listener);
            assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason")).contains("HCALCS");
        }
    }

    @Test
    void readsBackValuesWrittenAcrossReopenAndIgnoresATornLastLine() throws Exception {
        DeviceStateStore store = DeviceStateStore.open(data);
        store.put(42L, Map.of("tariff.price", "12.5=x\tline\nbreak", "supply.status", "ENABLED"));
        store.put(42L, "supply.status", null);
        store.put(43L, "supply.status", "DISABLED");
        store.abandon();
        // a torn write at the end of the log: the process killed in the middle of a line
        Files.writeString(data.resolve(DeviceStateStore.LOG), "2b\tsupply.status=ARMED",
                java.nio.file.StandardOpenOption.APPEND);
        DeviceStateStore reopened = DeviceStateStore.open(data);
        assertThat(reopened.all(42L)).containsExactly(Map.entry("tariff.price", "12.5=x\tline\nbreak"));
        assertThat(reopened.get(43L, "supply.status")).isEqualTo("DISABLED");
        reopened.close();
    }

    @Test
    void keepsEveryChangeOfConcurrentWritersOnceTheirPutsReturned() throws Exception {
        DeviceStateStore store = DeviceStateStore.open(data);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    store.put(thread * 10_000L + i, "firmware.active", "v" + i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        store.abandon();
        DeviceStateStore reopened = DeviceStateStore.open(data);
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 2_000; i++) {
                assertThat(reopened.get(t * 10_000L + i, "firmware.active")).isEqualTo("v" + i);
            }
        }
        reopened.close();
    }
}
