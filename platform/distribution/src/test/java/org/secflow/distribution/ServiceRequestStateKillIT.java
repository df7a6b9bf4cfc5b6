package org.secflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device emulator's files against SIGKILL: the real server process ({@code bin/secflow serve --demo}) answers
 * state-changing Service Requests (2.2 Top Up Device, 7.2 Disable Supply, 1.1.1 Update Import Tariff), is killed
 * with SIGKILL right after their responses were read (no shutdown, so no compaction of the emulator's state log into
 * its snapshot), and started again on the same data folder: reads (4.18, 7.4, 4.11.1) return what the writes set, and
 * the answered requests still read COMPLETED with their responses.
 */
class ServiceRequestStateKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "demo-supplier-a";
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "PARTIALLY_FAILED");

    @TempDir
    Path data;

    private ServedDistribution server;

    /** Sends a Service Request and waits for its final state; returns its view. */
    private JsonNode run(String srv, String deviceId, Map<String, Object> payload) throws Exception {
        String body = JSON.writeValueAsString(Map.of("srv", srv, "userRole", "IS", "deviceId", deviceId, "payload", payload));
        HttpResponse<String> sent = server.call("POST", "/api/service-requests", TOKEN, body);
        assertThat(sent.statusCode()).as("SRV %s: %s", srv, sent.body()).isEqualTo(202);
        return awaitFinal(JSON.readTree(sent.body()).path("requestId").asText());
    }

    private JsonNode awaitFinal(String requestId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            view = JSON.readTree(server.call("GET", "/api/service-requests/" + requestId, TOKEN, null).body());
            if (FINAL.contains(view.path("state").asText())) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request " + requestId + " never ended: " + view);
    }

    /** The body of the request's last response; the request must have COMPLETED. */
    private static JsonNode body(JsonNode view) {
        assertThat(view.path("state").asText()).as("%s", view).isEqualTo("COMPLETED");
        JsonNode responses = view.path("responses");
        return responses.get(responses.size() - 1).path("body");
    }

    @Test
    void stateChangedByAnsweredRequestsReadsBackEqualAfterAKill9() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            server = new ServedDistribution(data, free.getLocalPort());
        }
        Path config = data.resolve("secflow.yaml");
        Files.copy(ServedDistribution.DIST.resolve("conf/secflow.yaml"), config);
        String esme;
        long balance;
        String topUpId;
        Process first = server.serve(config, "first.log");
        try {
            server.awaitHealthy(first, "first.log", java.time.Duration.ofSeconds(120));
            JsonNode page = JSON.readTree(server.call("GET", "/api/devices?type=ESME&size=100", TOKEN, null).body());
            esme = null;
            for (JsonNode d : page.path("items")) {
                if (d.path("importSupplier").asText().equals("SUPPLIER-A")) {
                    esme = d.path("deviceId").asText();
                    break;
                }
            }
            assertThat(esme).as("an ESME of SUPPLIER-A in the demo estate").isNotNull();
            long before = body(run("4.18", esme, Map.of())).path("creditPence").asLong();
            JsonNode topUp = run("2.2", esme, Map.of("amountPence", 1234));
            balance = body(topUp).path("creditPence").asLong();
            assertThat(balance).isEqualTo(before + 1234);
            topUpId = topUp.path("requestId").asText();
            assertThat(body(run("7.2", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Disabled");
            body(run("1.1.1", esme, Map.of("unitRatePence", "28.17", "standingChargePence", "61.05")));
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, the emulator's log is not folded into its snapshot
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Path state = data.resolve("db/plugins/device-emulator/device-state.log");
        assertThat(state).as("the emulator's state log, as the killed process left it").exists();
        assertThat(Files.readString(state)).contains("balance.creditPence=" + balance).contains("supply.status=Disabled");

        // at once: HSQLDB refuses its lock file while the killed process's heartbeat in it is under 10 s old, and
        // serve waits that out itself (Database.pool)
        Process second = server.serve(config, "second.log");
        try {
            server.awaitHealthy(second, "second.log", java.time.Duration.ofSeconds(120));
            assertThat(body(run("4.18", esme, Map.of())).path("creditPence").asLong()).isEqualTo(balance);
            assertThat(body(run("7.4", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Disabled");
            JsonNode tariff = body(run("4.11.1", esme, Map.of()));
            assertThat(tariff.path("unitRatePence").asText()).isEqualTo("28.17");
            assertThat(tariff.path("standingChargePence").asText()).isEqualTo("61.05");
            JsonNode answered = awaitFinal(topUpId);
            assertThat(answered.path("responses").get(0).path("responseCode").asText()).isEqualTo("I0");
            assertThat(body(answered).path("creditPence").asLong()).isEqualTo(balance);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
