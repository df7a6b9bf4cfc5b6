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
 * events gathered into one group set a device's state once, to the last of them, and every event is kept in order.
 */
class DeviceEventWriterTest {
    private static final String REQUEST = "r-gather";
    private static final String DEVICE = "00-DB-00-00-00-00-00-09";

    private static DeviceEventWriter.Event event(RequestState state, String stage) {
        return new DeviceEventWriter.Event(REQUEST, DEVICE, state, stage, null, Map.of(), Instant.now(), false, false,
                false, false);
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
            jdbi.useHandle(h -> {
                h.execute("""
                        INSERT INTO service_request (request_id, srv, user_id, party, user_role, state, ruleset_version,
                          created_at, updated_at)
                        VALUES ('r-gather', '4.1.1', 'u1', 'SUP-A', 'IS', 'ACCEPTED', 'v1', CURRENT_TIMESTAMP,
                          CURRENT_TIMESTAMP)""");
                h.execute("""
                        INSERT INTO service_request_device (request_id, device_id, srv, state, updated_at)
                        VALUES ('r-gather', '00-DB-00-00-00-00-00-09', '4.1.1', 'ACCEPTED', CURRENT_TIMESTAMP)""");
            });
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
            String requestState = jdbi.withHandle(h -> h.createQuery(
                    "SELECT state FROM service_request WHERE request_id = 'r-gather'").mapTo(String.class).one());
            assertThat(requestState).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aLagLimitBelowOneSecondGathersForATenthOfIt() {
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofSeconds(5))).isEqualTo(DeviceEventWriter.GATHER);
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(40));
        assertThat(DeviceEventWriter.gatherWithin(Duration.ofMillis(1))).isEqualTo(Duration.ofNanos(100_000));
    }
}
