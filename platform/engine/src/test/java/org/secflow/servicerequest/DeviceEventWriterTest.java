package org.secflow.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/**
 * {@link DeviceEventWriter} on a real database (HSQLDB, or PostgreSQL with {@code -Dsecflow.test.database=postgresql}):
 * events gathered into one group set a device's state once, to the last of them, and every event is kept in order;
 * what it recorded is read back as one Service Request ({@link ServiceRequestStore#find}).
 */
class DeviceEventWriterTest {
    private static final String REQUEST = "r-gather";
    private static final String DEVICE = "00-DB-00-00-00-00-00-09";

    private static DeviceEventWriter.Event event(RequestState state, String stage) {
        return new DeviceEventWriter.Event(REQUEST, DEVICE, state, stage, null, Map.of(), null, Instant.now(), false,
                false, false, false);
    }

    private static String deviceState(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT state FROM service_request_device WHERE request_id = :id AND device_id = :device")
                .bind("id", REQUEST).bind("device", DEVICE).mapTo(String.class).one());
    }

    @Test
    void eventsWithinOneGatheringSetTheStateOnceToTheLastAndAreAllKeptInOrder() throws Exception {
        try (Database db = FreshDatabase.open()) {
            Jdbi jdbi = db.jdbi();
            acceptedRequest(jdbi, REQUEST, DEVICE);
            List<String> seen = new ArrayList<>();
            try (DeviceEventWriter writer = new DeviceEventWriter(jdbi, Duration.ofSeconds(3))) {
                writer.add(event(RequestState.SENT, "ACCEPTED_BY_CSP"));
                // 200 ms of the 3-s gathering: a writer that wrote each event at once would show SENT here
                for (int i = 0; i < 20; i++) {
                    seen.add(deviceState(jdbi));
                    Thread.sleep(10);
                }
                writer.add(event(RequestState.DELIVERED_TO_HUB, "DELIVERED_TO_HUB"));
                writer.add(event(RequestState.COMPLETED, "DEVICE_RESPONSE"));
                assertThat(writer.lag()).isPositive();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                String state;
                do {
                    state = deviceState(jdbi);
                    seen.add(state);
                    Thread.sleep(10);
                } while (!state.equals("COMPLETED") && System.nanoTime() < deadline);
                // the writer records the group once it is committed: the lag is back to zero right after
                assertThat(writer.awaitLagWithin(Duration.ZERO, Duration.ofSeconds(5))).isTrue();
            }
            assertThat(seen).last().isEqualTo("COMPLETED");
            assertThat(seen).doesNotContain("SENT", "DELIVERED_TO_HUB");
            List<String> stages = jdbi.withHandle(h -> h.createQuery(
                            "SELECT stage FROM service_request_event WHERE request_id = 'r-gather' ORDER BY event_id")
                    .mapTo(String.class).list());
            assertThat(stages).containsExactly("ACCEPTED_BY_CSP", "DELIVERED_TO_HUB", "DEVICE_RESPONSE");
            assertThat(requestState(jdbi, REQUEST)).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aRefusedDeviceIsRecordedAtOnceAndItsRequestAggregatedOverItsDevices() {
        try (Database db = FreshDatabase.open()) {
            Jdbi jdbi = db.jdbi();
            acceptedRequest(jdbi, "r-refused", "00-DB-00-00-00-00-00-01", "00-DB-00-00-00-00-00-02");
            ServiceRequestStore store = new ServiceRequestStore(jdbi, null);
            store.refused("r-refused", "00-DB-00-00-00-00-00-01", "REJECTED_BY_DSP", "the hub is not commissioned",
                    Instant.now());
            // no writer thread in between: the caller reads its own write
            assertThat(requestState(jdbi, "r-refused")).isEqualTo("IN_PROGRESS");
            store.refused("r-refused", "00-DB-00-00-00-00-00-02", "FAILED", "no DSP is configured", Instant.now());
            assertThat(requestState(jdbi, "r-refused")).isEqualTo("FAILED");
            List<String> events = jdbi.withHandle(h -> h.createQuery("""
                            SELECT device_id || ' ' || stage || ': ' || detail FROM service_request_event
                             WHERE request_id = 'r-refused' ORDER BY event_id""")
                    .mapTo(String.class).list());
            assertThat(events).containsExactly(
                    "00-DB-00-00-00-00-00-01 REJECTED_BY_DSP: the hub is not commissioned",
                    "00-DB-00-00-00-00-00-02 FAILED: no DSP is configured");
            List<String> devices = jdbi.withHandle(h -> h.createQuery("""
                            SELECT state || ' ' || detail FROM service_request_device WHERE request_id = 'r-refused'
                             ORDER BY device_id""")
                    .mapTo(String.class).list());
            assertThat(devices).containsExactly("FAILED the hub is not commissioned", "FAILED no DSP is configured");
        }
    }

    @Test
    void whatTheWriterRecordedIsReadBackAsOneRequestWithItsDevicesHistoryResponsesAndAlertsInOrder() {
        try (Database db = FreshDatabase.open()) {
            Jdbi jdbi = db.jdbi();
            String first = "00-DB-00-00-00-00-00-01";
            String second = "00-DB-00-00-00-00-00-02";
            // the second device first: devices are shown by id, history and responses in the order recorded
            acceptedRequest(jdbi, "r-view", second, first);
            Instant t = Instant.parse("2026-12-07T10:00:00Z");
            jdbi.useTransaction(h -> DeviceEventWriter.writeGroup(h, List.of(
                    new DeviceEventWriter.Event("r-view", second, RequestState.SENT, "ACCEPTED_BY_CSP", null, Map.of(),
                            "csp=north", t, false, true, false, false),
                    new DeviceEventWriter.Event("r-view", first, RequestState.SENT, "ACCEPTED_BY_CSP", null, Map.of(),
                            "csp=north", t.plusMillis(1), false, true, false, false),
                    new DeviceEventWriter.Event("r-view", second, null, "DEVICE_ALERT", "0x8F8A", Map.of(), null,
                            t.plusMillis(2), false, true, false, false),
                    new DeviceEventWriter.Event("r-view", second, RequestState.COMPLETED, "DEVICE_RESPONSE", null,
                            Map.of("gbcsUseCase", "ECS17b", "responseCode", "I0", "importKwh", "1234.5"), "importKwh=1234.5",
                            t.plusMillis(3), true, true, false, false),
                    new DeviceEventWriter.Event("r-view", first, RequestState.FAILED, "DEVICE_RESPONSE", null,
                            Map.of("gbcsUseCase", "ECS17b", "responseCode", "E3", "critical", "true"), "E3",
                            t.plusMillis(4), true, true, false, false))));
            ServiceRequestStore store = new ServiceRequestStore(jdbi, null);

            ServiceRequestView v = store.find("r-view").orElseThrow();

            assertThat(v.requestId()).isEqualTo("r-view");
            assertThat(v.srv()).isEqualTo("4.1.1");
            assertThat(v.party()).isEqualTo("SUP-A");
            assertThat(v.state()).isEqualTo("PARTIALLY_FAILED");
            assertThat(v.devices()).containsExactly(
                    new ServiceRequestView.DeviceProgress(first, "FAILED", "E3"),
                    new ServiceRequestView.DeviceProgress(second, "COMPLETED", "importKwh=1234.5"));
            assertThat(v.history()).extracting(e -> e.deviceId() + " " + e.stage() + " " + e.alert() + " " + e.detail())
                    .containsExactly(second + " ACCEPTED_BY_CSP null csp=north", first + " ACCEPTED_BY_CSP null csp=north",
                            second + " DEVICE_ALERT 0x8F8A null", second + " DEVICE_RESPONSE null importKwh=1234.5",
                            first + " DEVICE_RESPONSE null E3");
            assertThat(v.history().get(2).at()).isEqualTo(t.plusMillis(2));
            assertThat(v.responses()).containsExactly(
                    new ServiceRequestView.Response(t.plusMillis(3), second, "ECS17b", "I0", false, Map.of("importKwh", "1234.5")),
                    new ServiceRequestView.Response(t.plusMillis(4), first, "ECS17b", "E3", true, Map.of()));
            assertThat(v.alerts()).containsExactly(v.history().get(2));
            assertThat(store.find("r-missing")).isEmpty();
        }
    }

    /** An SRV 4.1.1 accepted for {@code devices}, none of them sent yet. */
    private static void acceptedRequest(Jdbi jdbi, String requestId, String... devices) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO service_request (request_id, srv, user_id, party, user_role, state,
                              ruleset_version, created_at, updated_at)
                            VALUES (:id, '4.1.1', 'u1', 'SUP-A', 'IS', 'ACCEPTED', 'v1', CURRENT_TIMESTAMP,
                              CURRENT_TIMESTAMP)""")
                    .bind("id", requestId).execute();
            for (String device : devices) {
                h.createUpdate("""
                                INSERT INTO service_request_device (request_id, device_id, srv, state, updated_at)
                                VALUES (:id, :device, '4.1.1', 'ACCEPTED', CURRENT_TIMESTAMP)""")
                        .bind("id", requestId).bind("device", device).execute();
            }
        });
    }

    private static String requestState(Jdbi jdbi, String requestId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM service_request WHERE request_id = :id")
                .bind("id", requestId).mapTo(String.class).one());
    }

    @Test
    void aLagLimitBelowOneSecondGathersForATenthOfIt() {
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofSeconds(5))).isEqualTo(DeviceEventWriter.GATHER);
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(40));
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofMillis(1))).isEqualTo(Duration.ofNanos(100_000));
    }
}
