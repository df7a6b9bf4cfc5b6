package org.secflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/**
 * The sending loop of one wave against a real HSQLDB and a hand-written DSP that answers at once: one device per
 * HAN (BR9), idempotent callbacks, the battery read before a battery-powered bridge (BR10), High Impact Planned
 * Maintenance holding the wave, and the states in the store.
 */
class CampaignDriverTest {
    private static final FirmwareImage IMAGE = new FirmwareImage("M", "P1", "2.0.0", "ab".repeat(32), Set.of(DeviceType.PPMID));

    private Database database;
    private CampaignStore store;
    private final FakeDsp dsp = new FakeDsp();

    /** Answers 11.4 with 0x8F8A and 0x8F8B (each twice when {@code repeat}), 11.2 with the image version. */
    static final class FakeDsp implements Dsp {
        final List<String> submitted = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> busyHub = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final Map<String, String> hubOf = new ConcurrentHashMap<>();
        volatile boolean repeat;
        volatile boolean batteryLow;
        volatile boolean neverActivates;
        /** SRV 11.2 reads answered with the old version (1.0.0) before the image's, across devices. */
        final AtomicInteger oldVersionReads = new AtomicInteger();
        /** SRV 11.2 reads the DSP refuses, across devices. */
        final AtomicInteger rejectedReads = new AtomicInteger();
        final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> requestOf = new ConcurrentHashMap<>();

        @Override
        public void cancel(String requestId) {
            cancelled.add(requestId);
        }

        @Override
        public ServiceRequestAck submit(ServiceRequest r, DeviceEventListener listener) {
            submitted.add(r.srv() + " " + r.deviceId().value());
            requestOf.put(r.deviceId().value(), r.requestId());
            if (r.srv().equals("11.2") && rejectedReads.getAndDecrement() > 0) {
                return ServiceRequestAck.rejected(r.requestId(), "the CSP is not ready");
            }
            Thread t = new Thread(() -> answer(r, listener));
            t.start();
            return ServiceRequestAck.accepted(r.requestId());
        }

        private void answer(ServiceRequest r, DeviceEventListener l) {
            Instant now = Instant.now();
            String hub = hubOf.get(r.deviceId().value());
            if (r.srv().equals("11.4")) {
                if (busyHub.putIfAbsent(hub, r.deviceId().value()) != null) {
                    overlaps.incrementAndGet();
                }
                sleep(5);
                for (int i = 0; i < (repeat ? 2 : 1); i++) {
                    l.onEvent(new DeviceEvent(r.requestId(), r.deviceId(), DeviceEvent.Stage.DEVICE_ALERT,
                            GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of(), now));
                    if (neverActivates) {
                        continue;
                    }
                    l.onEvent(new DeviceEvent(r.requestId(), r.deviceId(), DeviceEvent.Stage.DEVICE_ALERT,
                            GbcsAlert.FIRMWARE_ACTIVATION, Map.of("result", "0", "firmwareVersion", "2.0.0"), now));
                }
            } else {
                busyHub.remove(hub, r.deviceId().value());
                for (int i = 0; i < (repeat ? 2 : 1); i++) {
                    l.onEvent(new DeviceEvent(r.requestId(), r.deviceId(), DeviceEvent.Stage.DEVICE_RESPONSE, null,
                            Map.of("firmwareVersion", oldVersionReads.getAndDecrement() > 0 ? "1.0.0" : "2.0.0",
                                    "batteryLow", String.valueOf(batteryLow)), now));
                }
            }
        }

    }

    @BeforeEach
    void open() {
        database = FreshDatabase.open();
        store = new CampaignStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A campaign with devices {@code d0..dn-1} on hubs {@code hub(i % hubs)}, all SCHEDULED in wave 1. */
    private String campaign(int devices, int hubs, boolean battery) {
        String id = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now();
        database.jdbi().useTransaction(h -> {
            store.insertCampaign(h, new CampaignStore.CampaignRow(id, "test", IMAGE.sha256(), "2.0.0", "P1", "creator",
                    "SUPPLIER-A", "IS", null, CampaignState.RUNNING, 1, 1, "{}", null, null, null, null, now, now));
            for (int i = 0; i < devices; i++) {
                String device = DeviceId.of(0x0C00_0000_0000_0000L + i).value();
                String hub = DeviceId.of(0x0D00_0000_0000_0000L + i % hubs).value();
                dsp.hubOf.put(device, hub);
                h.createUpdate("""
                        INSERT INTO campaign_device (campaign_id, device_id, comms_hub_id, battery_powered, wave, state, attempts,
                          sent_count, updated_at) VALUES (:c, :d, :h, :b, 1, 'SCHEDULED', 0, 0, :at)""")
                        .bind("c", id).bind("d", device).bind("h", hub).bind("b", battery).bind("at", CampaignStore.ts(now)).execute();
            }
        });
        return id;
    }

    private CampaignDriver.WaveEnd run(String id, CampaignDefinition def, java.util.function.Supplier<Optional<String>> maintenance)
            throws InterruptedException {
        AtomicReference<CampaignDriver.WaveEnd> end = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        start(id, def, maintenance, (c, w, e) -> {
            end.set(e);
            done.countDown();
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).as("the wave ended").isTrue();
        return end.get();
    }

    private CampaignDriver start(String id, CampaignDefinition def, java.util.function.Supplier<Optional<String>> maintenance,
                                 CampaignDriver.WaveEndListener onEnd) {
        CampaignDriver driver = new CampaignDriver(id, 1, store, def, IMAGE, "creator", "IS", () -> Optional.of(dsp),
                new HanLocks(), maintenance, Clock.systemUTC(), new CampaignDriver.Settings(100, 50), onEnd);
        driver.recover();
        new Thread(driver).start();
        return driver;
    }

    private static CampaignDefinition definition() {
        return new CampaignDefinition("t", "ab".repeat(32), null, null, null, 50, null, null, 1, 10L, 10_000L);
    }

    @Test
    void confirmsEveryDeviceSendingOneDevicePerHanAtATime() throws Exception {
        String id = campaign(40, 8, false);

        assertThat(run(id, definition(), Optional::empty)).isEqualTo(CampaignDriver.WaveEnd.COMPLETE);

        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.CONFIRMED, 40L));
        assertThat(dsp.overlaps.get()).as("a second device sent while its HAN was updating").isZero();
    }

    @Test
    void aDeliveryFollowedAtOnceByItsConfirmationIsStillRecordedOnTheDevice() throws Exception {
        String id = campaign(20, 20, false);

        run(id, definition(), Optional::empty);

        // DELIVERED and ACTIVATED are folded into CONFIRMED when it follows within the hold; the delivery time stays
        assertThat(store.devices(id, null, 0, 20)).hasSize(20).allSatisfy(d -> {
            assertThat(d.get("state")).isEqualTo("CONFIRMED");
            assertThat(d.get("deliveredAt")).isNotNull();
        });
    }

    @Test
    void aDeliveryWithNoFurtherNewsReachesTheStoreWithinTheHold() throws Exception {
        dsp.neverActivates = true;
        String id = campaign(3, 3, false);
        CampaignDriver driver = start(id, definition(), Optional::empty, (c, w, e) -> { });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8); // the hold is 2 s; the device timeout 10 s
            while (store.countByState(id, 1).getOrDefault(DeviceState.DELIVERED, 0L) < 3 && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertThat(store.countByState(id, 1)).containsExactly(Map.entry(DeviceState.DELIVERED, 3L));
            assertThat(store.devices(id, null, 0, 3)).allSatisfy(d -> assertThat(d.get("deliveredAt")).isNotNull());
        } finally {
            driver.stop();
        }
    }

    @Test
    void aRepeatedActivationAlertChangesAndCountsNothing() throws Exception {
        dsp.repeat = true;
        String id = campaign(10, 10, false);

        run(id, definition(), Optional::empty);

        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.CONFIRMED, 10L));
        assertThat(dsp.submitted).filteredOn(s -> s.startsWith("11.4")).hasSize(10);
        assertThat(store.devices(id, null, 0, 10)).allSatisfy(d -> assertThat(d.get("sent")).isEqualTo(1));
    }

    @Test
    void readsTheBatteryOfABatteryPoweredBridgeFirstAndDoesNotSendWhileItIsLow() throws Exception {
        dsp.batteryLow = true;
        String id = campaign(3, 3, true);

        run(id, definition(), Optional::empty);

        assertThat(dsp.submitted).allSatisfy(s -> assertThat(s).startsWith("11.2"));
        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.SKIPPED, 3L));
        assertThat(store.devices(id, null, 0, 3)).allSatisfy(d -> assertThat((String) d.get("reason")).contains("battery reported low"));
    }

    @Test
    void sendsNothingWhileAHighImpactPlannedMaintenanceWindowIsOpenAndResumesAfterIt() throws Exception {
        String id = campaign(5, 5, false);
        AtomicInteger checks = new AtomicInteger();
        List<Integer> submittedWhileOpen = Collections.synchronizedList(new ArrayList<>());

        run(id, definition(), () -> {
            int n = checks.incrementAndGet();
            if (n <= 2) {
                submittedWhileOpen.add(dsp.submitted.size());
                return Optional.of("window W1 open");
            }
            return Optional.empty();
        });

        assertThat(checks.get()).isGreaterThanOrEqualTo(3);
        assertThat(submittedWhileOpen).containsOnly(0);
        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.CONFIRMED, 5L));
    }

    /** Every device of the campaign in {@code state}, as a restart finds them. */
    private void restartFinds(String id, DeviceState state) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE campaign_device SET state = :s, sent_count = 1 WHERE campaign_id = :c")
                .bind("s", state.name()).bind("c", id).execute());
    }

    private static CampaignDefinition definitionWithTimeout(long deviceTimeoutMs) {
        return new CampaignDefinition("t", "ab".repeat(32), null, null, null, 50, null, null, 1, 10L, deviceTimeoutMs);
    }

    @Test
    void aDeviceDeliveredBeforeARestartWhoseFirstReadShowsTheOldVersionIsReadAgainAndConfirmedNotTimedOut() throws Exception {
        String id = campaign(3, 3, false);
        restartFinds(id, DeviceState.DELIVERED);
        dsp.oldVersionReads.set(3); // the devices activate a little after the restart; their 0x8F8B went to the dead process

        assertThat(run(id, definitionWithTimeout(4_000), Optional::empty)).isEqualTo(CampaignDriver.WaveEnd.COMPLETE);

        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.CONFIRMED, 3L));
        assertThat(dsp.submitted).as("never sent again after the recorded delivery").noneMatch(s -> s.startsWith("11.4"));
    }

    @Test
    void anActivatedDeviceWhoseVersionReadFailsAfterARestartIsReadAgainAndConfirmedNotTimedOut() throws Exception {
        String id = campaign(2, 2, false);
        restartFinds(id, DeviceState.ACTIVATED);
        dsp.rejectedReads.set(2);

        assertThat(run(id, definitionWithTimeout(4_000), Optional::empty)).isEqualTo(CampaignDriver.WaveEnd.COMPLETE);

        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.CONFIRMED, 2L));
    }

    @Test
    void aDeviceThatTimesOutHasItsRequestCancelledAtTheDspSoItsCspSlotFrees() throws Exception {
        dsp.neverActivates = true;
        String id = campaign(2, 2, false);

        assertThat(run(id, definitionWithTimeout(1_000), Optional::empty)).isEqualTo(CampaignDriver.WaveEnd.COMPLETE);

        assertThat(store.countByState(id, null)).containsExactly(Map.entry(DeviceState.TIMED_OUT, 2L));
        assertThat(dsp.cancelled).containsExactlyInAnyOrderElementsOf(dsp.requestOf.values());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
