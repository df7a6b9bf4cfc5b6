package org.secflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.testkit.TestDatabase;

/**
 * the real server process ({@code bin/secflow serve}) is killed with SIGKILL mid-campaign and
 * started again on the same data folder; the campaign finishes with every device in exactly one final state and no
 * device sent again after its delivery (0x8F8A) was recorded. On the embedded HSQLDB and on PostgreSQL.
 */
class CampaignCrashIT {
    private static final Path DIST = ServedDistribution.DIST;
    private static final ObjectMapper JSON = ServedDistribution.JSON;
    private static final Set<String> FINAL = Set.of("CONFIRMED", "DELIVERY_FAILED", "ACTIVATION_FAILED", "TIMED_OUT",
            "SKIPPED", "CANCELLED");

    @TempDir
    Path data;

    private ServedDistribution server;

    @Test
    void aCampaignSurvivesAKill9MidWaveWithNoDeviceLostOrSentAgainAfterItsDelivery() throws Exception {
        survivesAKill9(Files.readString(DIST.resolve("conf/secflow.yaml")));
    }

    /** The same on PostgreSQL: a fresh database on 127.0.0.1:5432, dropped after. */
    @Test
    void onPostgresqlACampaignSurvivesAKill9MidWaveWithNoDeviceLostOrSentAgainAfterItsDelivery() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql()) {
            survivesAKill9(onDatabase(Files.readString(DIST.resolve("conf/secflow.yaml")), db));
        }
    }

    /** The distribution's configuration with {@code database} set to {@code db} ({@link ServedDistribution#onDatabase}). */
    static String onDatabase(String yaml, TestDatabase db) {
        return ServedDistribution.onDatabase(yaml, db);
    }

    private void survivesAKill9(String yaml) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            server = new ServedDistribution(data, s.getLocalPort());
        }
        // slow hubs so that the kill lands mid-wave
        Path config = data.resolve("secflow.yaml");
        Files.writeString(config, yaml
                .replace("      altHanShare: \"0.03\"", "      altHanShare: \"0.2\"\n      latencyMs: \"700\"\n      transferFailureRate: \"0.1\""));
        Process first = server.serve(config, "first.log");
        String id;
        try {
            server.awaitHealthy(first, "first.log", Duration.ofSeconds(120));
            server.cancelTheDemoCampaign();
            JsonNode ppmids = JSON.readTree(server.call("GET", "/api/devices?type=PPMID&size=500", "demo-admin", null).body());
            Map<String, Integer> models = new HashMap<>();
            ppmids.path("items").forEach(d -> models.merge(d.path("model").asText(), 1, Integer::sum));
            String model = models.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String sha = "c0ffee".repeat(10) + "abcd";
            HttpResponse<String> image = server.call("POST", "/api/firmware-images", "demo-operator", """
                    {"manufacturer": "M", "model": "%s", "version": "8.8.8", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                    .formatted(model, sha));
            assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
            HttpResponse<String> created = server.call("POST", "/api/campaigns", "demo-supplier-a", """
                    {"name": "crash test", "imageSha256": "%s", "selection": {"ppmids": true, "altHanVariants": ["B1","B2","B3","B4"]},
                     "waves": [100], "successThresholdPercent": 0, "maxRetries": 2, "retryBackoffMs": 100, "deviceTimeoutMs": 8000}"""
                    .formatted(sha));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = JSON.readTree(created.body()).path("campaignId").asText();
            assertThat(server.call("POST", "/api/campaigns/" + id + "/approve", "demo-supplier-a2", null).statusCode()).isEqualTo(200);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                JsonNode counts = server.campaign(id).path("counts");
                boolean someDelivered = counts.path("DELIVERED").asLong() + counts.path("ACTIVATED").asLong()
                        + counts.path("CONFIRMED").asLong() > 0;
                boolean someUnsent = counts.path("SCHEDULED").asLong() + counts.path("SENT").asLong() > 0;
                if (someDelivered && someUnsent) {
                    break;
                }
                assertThat(System.nanoTime()).as("the campaign reached mid-wave: %s", counts).isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = server.serve(config, "second.log");
        try {
            server.awaitHealthy(second, "second.log", Duration.ofSeconds(120));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            JsonNode view = server.campaign(id);
            while (!view.path("state").asText().equals("COMPLETED")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("campaign did not complete after the restart: " + view + "\nlog after the restart:\n"
                            + Files.readString(data.resolve("second.log")));
                }
                if (view.path("state").asText().equals("PAUSED") && !view.path("openTasks").isEmpty()) {
                    server.call("POST", "/api/campaigns/" + id + "/resume", "demo-supplier-a", null);
                }
                Thread.sleep(250);
                view = server.campaign(id);
            }
            long total = view.path("devices").asLong();
            List<JsonNode> devices = new ArrayList<>();
            for (int page = 0; devices.size() < total; page++) {
                JsonNode items = JSON.readTree(server.call("GET", "/api/campaigns/" + id + "/devices?size=1000&page=" + page,
                        "demo-supplier-a", null).body()).path("items");
                assertThat(items.size()).isPositive();
                items.forEach(devices::add);
            }
            assertThat(devices).hasSize((int) total);
            assertThat(devices).allSatisfy(d -> assertThat(FINAL).contains(d.path("state").asText()));
            assertThat(devices).filteredOn(d -> !d.path("deliveredAt").isNull())
                    .allSatisfy(d -> assertThat(Instant.parse(d.path("lastSentAt").asText()))
                            .as("device %s was not sent again after its delivery was recorded", d.path("deviceId").asText())
                            .isBeforeOrEqualTo(Instant.parse(d.path("deliveredAt").asText())));
            assertThat(devices).filteredOn(d -> d.path("state").asText().equals("CONFIRMED")).isNotEmpty();
            assertThat(Files.readString(data.resolve("second.log"))).contains("recovering wave");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
