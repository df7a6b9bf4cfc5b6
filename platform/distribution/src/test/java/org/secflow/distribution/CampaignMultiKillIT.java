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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.testkit.TestDatabase;

/**
 * The real server process ({@code bin/secflow serve}) killed with SIGKILL {@value #KILLS} times at seeded random
 * moments while a firmware campaign runs over slow hubs, every fault rate of the emulator and the CSPs at 0. After
 * the last restart the campaign completes and tells the truth: no device lost, none sent again after its delivery
 * (0x8F8A) was recorded, none failed (each CONFIRMED, or SKIPPED with its reason), and the Smart Metering Inventory
 * holds the image's version for exactly the CONFIRMED devices. On the embedded HSQLDB and on PostgreSQL.
 */
class CampaignMultiKillIT {
    private static final Path DIST = ServedDistribution.DIST;
    private static final ObjectMapper JSON = ServedDistribution.JSON;
    private static final int KILLS = 5;
    private static final long SEED = Long.getLong("secflow.killSeed", 20261206L);
    private static final String VERSION = "8.8.9";

    @TempDir
    Path data;

    private ServedDistribution server;

    @Test
    void aCampaignKilledFiveTimesWithNoFaultsEndsWithEveryDeviceConfirmedOrSkippedWithAReason() throws Exception {
        survivesKills(Files.readString(DIST.resolve("conf/secflow.yaml")));
    }

    @Test
    void onPostgresqlACampaignKilledFiveTimesWithNoFaultsEndsWithEveryDeviceConfirmedOrSkippedWithAReason() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql()) {
            survivesKills(CampaignCrashIT.onDatabase(Files.readString(DIST.resolve("conf/secflow.yaml")), db));
        }
    }

    private void survivesKills(String yaml) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            server = new ServedDistribution(data, s.getLocalPort());
        }
        // slow hubs and devices, no fault anywhere: whatever fails was made to fail by the kills
        Path config = data.resolve("secflow.yaml");
        String emulator = String.join("\n", "      altHanShare: \"0.2\"", "      latencyMs: \"300\"",
                "      transferTimeMs: \"1000\"", "      activationTimeMs: \"1000\"", "      fileTransferFailureRate: \"0\"",
                "      activationFailureRate: \"0\"", "      noAnswerRate: \"0\"", "      lowBatteryRate: \"0\"");
        // CSPs carry three commands at a time each, so that a wave takes several rounds and the kills land mid-wave
        String changed = yaml.replace("      latencyMs: \"40\"", "      latencyMs: \"40\"\n      maxConcurrent: \"3\"")
                .replace("      latencyMs: \"25\"", "      latencyMs: \"25\"\n      maxConcurrent: \"3\"")
                .replace("      altHanShare: \"0.03\"", emulator);
        assertThat(changed).contains("transferTimeMs").contains("maxConcurrent");
        Files.writeString(config, changed);
        Random moments = new Random(SEED);
        String id = null;
        long selected = 0;
        for (int run = 0; run <= KILLS; run++) {
            String log = "run-" + run + ".log";
            Process p = server.serve(config, log);
            try {
                server.awaitHealthy(p, log, Duration.ofSeconds(300));
                if (run == 0) {
                    server.cancelTheDemoCampaign();
                    String[] created = createAndApprove();
                    id = created[0];
                    selected = Long.parseLong(created[1]);
                }
                if (run < KILLS) {
                    // a seeded moment while the campaign runs: between 1 and 6 s after it is seen running again
                    awaitRunning(id);
                    Thread.sleep(1000 + moments.nextInt(5000));
                    assertThat(server.campaign(id).path("state").asText()).as("the campaign still runs at kill %d", run + 1)
                            .isNotEqualTo("COMPLETED");
                    continue;
                }
                JsonNode view = awaitCompleted(id, log);
                verify(id, selected, view);
            } finally {
                if (run < KILLS) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint
                } else {
                    p.destroy();
                }
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        boolean recovered = false;
        for (int run = 1; run <= KILLS; run++) {
            recovered |= Files.readString(data.resolve("run-" + run + ".log")).contains("recovering wave");
        }
        assertThat(recovered).as("a restart recovered a running wave").isTrue();
    }

    private void verify(String id, long selected, JsonNode view) throws Exception {
        long total = view.path("devices").asLong();
        assertThat(total).as("no device lost").isEqualTo(selected);
        List<JsonNode> devices = new ArrayList<>();
        for (int page = 0; devices.size() < total; page++) {
            JsonNode items = JSON.readTree(server.call("GET", "/api/campaigns/" + id + "/devices?size=1000&page=" + page,
                    "demo-supplier-a", null).body()).path("items");
            assertThat(items.size()).isPositive();
            items.forEach(devices::add);
        }
        assertThat(devices).hasSize((int) total);
        assertThat(devices).allSatisfy(d -> {
            String state = d.path("state").asText();
            assertThat(state).as("device %s: %s", d.path("deviceId").asText(), d).isIn("CONFIRMED", "SKIPPED");
            if (state.equals("SKIPPED")) {
                assertThat(d.path("reason").asText()).as("device %s skipped with a reason", d.path("deviceId").asText())
                        .isNotBlank();
            }
        });
        assertThat(devices).filteredOn(d -> !d.path("deliveredAt").isNull())
                .allSatisfy(d -> assertThat(Instant.parse(d.path("lastSentAt").asText()))
                        .as("device %s was not sent again after its delivery was recorded", d.path("deviceId").asText())
                        .isBeforeOrEqualTo(Instant.parse(d.path("deliveredAt").asText())));
        Set<String> confirmed = new HashSet<>();
        devices.stream().filter(d -> d.path("state").asText().equals("CONFIRMED"))
                .forEach(d -> confirmed.add(d.path("deviceId").asText()));
        assertThat(confirmed).as("the campaign confirmed devices").isNotEmpty();
        Set<String> onImage = new HashSet<>();
        for (JsonNode d : devices) {
            String deviceId = d.path("deviceId").asText();
            HttpResponse<String> smi = server.call("GET", "/api/devices/" + deviceId, "demo-admin", null);
            if (smi.statusCode() == 404) {
                continue; // listed by id but unknown to the SMI (skipped with its reason)
            }
            assertThat(smi.statusCode()).as(smi.body()).isEqualTo(200);
            if (VERSION.equals(JSON.readTree(smi.body()).path("firmwareVersion").asText())) {
                onImage.add(deviceId);
            }
        }
        assertThat(onImage).as("the SMI holds %s for exactly the CONFIRMED devices", VERSION).isEqualTo(confirmed);
    }

    /** Registers an image for the commonest PPMID model, creates a three-wave campaign and approves it; id and size. */
    private String[] createAndApprove() throws Exception {
        JsonNode ppmids = JSON.readTree(server.call("GET", "/api/devices?type=PPMID&size=500", "demo-admin", null).body());
        Map<String, Integer> models = new HashMap<>();
        ppmids.path("items").forEach(d -> models.merge(d.path("model").asText(), 1, Integer::sum));
        String model = models.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String sha = "0ddba11".repeat(9) + "a";
        HttpResponse<String> image = server.call("POST", "/api/firmware-images", "demo-operator", """
                {"manufacturer": "M", "model": "%s", "version": "%s", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(model, VERSION, sha));
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        HttpResponse<String> created = server.call("POST", "/api/campaigns", "demo-supplier-a", """
                {"name": "kill test", "imageSha256": "%s", "selection": {"ppmids": true, "altHanVariants": ["B1","B2","B3","B4"]},
                 "waves": [20, 30, 50], "successThresholdPercent": 0, "maxRetries": 2, "retryBackoffMs": 100,
                 "deviceTimeoutMs": 60000}""".formatted(sha));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        String id = c.path("campaignId").asText();
        assertThat(server.call("POST", "/api/campaigns/" + id + "/approve", "demo-supplier-a2", null).statusCode()).isEqualTo(200);
        return new String[] {id, Long.toString(c.path("devices").asLong())};
    }

    private void awaitRunning(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!server.campaign(id).path("state").asText().equals("RUNNING")) {
            assertThat(System.nanoTime()).as("the campaign runs: %s", server.campaign(id)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode awaitCompleted(String id, String log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        JsonNode view = server.campaign(id);
        while (!view.path("state").asText().equals("COMPLETED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("campaign did not complete after the last restart: " + view + "\nlog:\n"
                        + Files.readString(data.resolve(log)));
            }
            Thread.sleep(250);
            view = server.campaign(id);
        }
        return view;
    }

}
