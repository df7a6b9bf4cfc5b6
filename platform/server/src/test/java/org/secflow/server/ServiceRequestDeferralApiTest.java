package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;

/**
 * A store that cannot record the DSP's device events in time makes the platform defer Service Requests for the DSP
 * (503 with Retry-After, nothing decided or written) instead of accepting work whose progress it cannot show; the SMI
 * still answers; once the store records again, requests are accepted and carried out. The stall is real: another
 * transaction holds the row of a request whose events are arriving, as a long-running report or a lock left by an
 * operator would. Real HTTP, real plugin jars, real database (HSQLDB, or PostgreSQL when selected).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRequestDeferralApiTest {
    private static final int LIMIT_MS = 300;
    @TempDir
    static Path dir;
    private EmulatedDcc dcc;

    @BeforeAll
    void start() throws Exception {
        dcc = new EmulatedDcc(dir, Map.of("latencyMs", "0", "transferTimeMs", "0", "activationTimeMs", "0"),
                new SecflowConfig.ServiceRequests(LIMIT_MS));
    }

    @AfterAll
    void stop() {
        dcc.close();
    }

    @Test
    void whileTheDevicesEventsCannotBeRecordedRequestsForTheDspAreDeferredWithNothingWrittenAndAcceptedAgainAfterwards()
            throws Exception {
        List<String> esmes = dcc.platform().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT device_id FROM device WHERE device_type = 'ESME' ORDER BY device_id").mapTo(String.class).list());
        assertThat(dcc.run("supplier", "4.18", "IS", esmes.get(0), Map.of()).path("state").asText()).isEqualTo("COMPLETED");

        // a tariff update to run in 2 s; its request row is held by another transaction before its events come
        Instant at = Instant.now().plusSeconds(2);
        String held = dcc.submit("supplier", "1.1.1", "IS", esmes.get(1), Map.of("unitRatePence", "21.50",
                "standingChargePence", "45.00", "executionDateTime", at.toString())).path("requestId").asText();
        try (Handle lock = dcc.platform().database().jdbi().open()) {
            lock.begin();
            assertThat(lock.createUpdate("UPDATE service_request SET updated_at = updated_at WHERE request_id = :id")
                    .bind("id", held).execute()).isOne();

            HttpResponse<String> deferred = awaitDeferral(esmes.get(2));
            long requests = count("SELECT COUNT(*) FROM service_request");
            long audited = count("SELECT COUNT(*) FROM decision_audit");
            assertThat(deferred.statusCode()).isEqualTo(503);
            assertThat(deferred.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(deferred.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = EmulatedDcc.json(deferred);
            assertThat(problem.path("title").asText()).isEqualTo("Service Request deferred");
            assertThat(problem.path("rule").asText()).contains("serviceRequests.maxRecordingLagMs");
            assertThat(problem.path("detail").asText()).contains("SRV 4.18").contains("nothing was recorded");

            // still deferred, and nothing of it written or audited; the SMI still answers SRV 8.2
            assertThat(post("4.18", esmes.get(3)).statusCode()).isEqualTo(503);
            assertThat(count("SELECT COUNT(*) FROM service_request")).isEqualTo(requests);
            assertThat(count("SELECT COUNT(*) FROM decision_audit")).isEqualTo(audited);
            assertThat(post("8.2", esmes.get(3)).statusCode()).isEqualTo(202);
            assertThat(dcc.platform().metrics().scrape().lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                    && l.contains("route=\"/api/service-requests\"") && l.contains("status=\"503\"")))
                    .as("the deferrals are counted as 503s of the route").hasSize(1);
            lock.rollback();
        }

        JsonNode done = dcc.awaitFinal("supplier", held);
        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(EmulatedDcc.lastResponse(done).path("gbcsUseCase").asText()).isEqualTo("ECS01a");
        JsonNode again = dcc.run("supplier", "4.18", "IS", esmes.get(2), Map.of());
        assertThat(again.path("state").asText()).isEqualTo("COMPLETED");
    }

    /** Sends SRV 4.18 until it is deferred: the held request's events arrive at its Execution Date Time. */
    private HttpResponse<String> awaitDeferral(String esme) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = post("4.18", esme);
            if (r.statusCode() != 202) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request was deferred within 20 s of the store being held");
    }

    private HttpResponse<String> post(String srv, String esme) throws Exception {
        return dcc.send("POST", "/api/service-requests", "supplier", Json.MAPPER.writeValueAsString(
                Map.of("srv", srv, "userRole", "IS", "deviceId", esme)));
    }

    private long count(String sql) {
        return dcc.platform().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
