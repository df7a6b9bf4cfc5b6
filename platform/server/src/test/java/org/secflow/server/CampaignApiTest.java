package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.testkit.TestDatabase;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiServer;
import org.secflow.server.http.Json;
import org.secflow.spi.Region;

/**
 * Over real HTTP: the real bpmn/ and rules/ folders, the real plugin jars loaded from a
 * directory, an emulated estate with failures injected (file transfer failures, low batteries), a real HSQLDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiTest {
    @TempDir
    static Path dir;

    private Platform platform;
    private TestDatabase testDatabase;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        Path plugins = BuiltPlugins.copyInto(dir);
        var emulator = Map.of("altHanShare", "0.3", "latencyMs", "2", "transferTimeMs", "2", "activationTimeMs", "2",
                "fileTransferFailureRate", "0.15", "lowBatteryRate", "0.3", "activationFailureRate", "0.03");
        var config = new SecflowConfig(
                TestDatabases.config(testDatabase = TestDatabases.fresh(), 8),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator",
                        Map.of("device-emulator", emulator, "csp-north", Map.of("latencyMs", "2"),
                                "csp-central-south", Map.of("latencyMs", "2"))),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("SUPPLIER-A", "SUPPLIER-B")),
                null,
                List.of(new SecflowConfig.UserEntry("a", "supplier-a-1", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("a2", "supplier-a-2", "Supplier A approver", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("b", "supplier-b-1", "Supplier B", "SUPPLIER-B", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins,
                Path.of(System.getProperty("secflow.rules", "../../rules")), Path.of(System.getProperty("secflow.bpmn", "../../bpmn"))));
        EstateCommand.generate(platform, 1500, 21, false);
        app = ApiServer.create(platform).start(0);
    }

    @AfterAll
    void stop() {
        app.stop();
        platform.close();
        testDatabase.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** The most common PPMID model of Supplier A's electricity premises, and an image for it. */
    private String registerImage(String version) throws Exception {
        String model = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.model FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND p.import_supplier = 'SUPPLIER-A'
                 GROUP BY d.model ORDER BY COUNT(*) DESC, d.model""").mapTo(String.class).first());
        String sha = String.format("%064x", new java.math.BigInteger(1, (model + version).getBytes()));
        var r = send("POST", "/api/firmware-images", "admin", """
                {"manufacturer": "M", "model": "%s", "version": "%s", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(model, version, sha));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return sha;
    }

    private JsonNode awaitState(String id, String... states) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            view = json(send("GET", "/api/campaigns/" + id, "a", null));
            if (List.of(states).contains(view.path("state").asText())) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign never reached " + List.of(states) + ": " + view);
    }

    @Test
    void runsACampaignWithFailuresToEveryDeviceInOneFinalStateOneDevicePerHanAndTheSmiUpdated() throws Exception {
        String sha = registerImage("7.7.7");
        var created = send("POST", "/api/campaigns", "a", """
                {"name": "PPMID and bridge 7.7.7", "imageSha256": "%s",
                 "selection": {"ppmids": true, "altHanVariants": ["B1", "B2", "B3", "B4"]},
                 "waves": [10, 90], "successThresholdPercent": 50, "errorThresholdPercent": 90,
                 "maxRetries": 3, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}""".formatted(sha));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("campaignId").asText();
        assertThat(json(created).path("state").asText()).isEqualTo("AWAITING_APPROVAL");

        var selfApproval = send("POST", "/api/campaigns/" + id + "/approve", "a", null);
        assertThat(selfApproval.statusCode()).isEqualTo(403);
        assertThat(json(selfApproval).path("rule").asText()).contains("four eyes");

        AtomicInteger overlaps = new AtomicInteger();
        AtomicReference<Boolean> watching = new AtomicReference<>(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                overlaps.addAndGet(platform.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM (SELECT comms_hub_id FROM campaign_device
                         WHERE state IN ('SENT', 'DELIVERED', 'ACTIVATED') GROUP BY comms_hub_id HAVING COUNT(*) > 1) x""")
                        .mapTo(Integer.class).one()));
            }
        });
        watcher.start();
        // read every device of the campaign before it runs, so the SMI read model holds the old versions
        List<String> campaignDevices = platform.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT device_id FROM campaign_device WHERE campaign_id = :id").bind("id", id).mapTo(String.class).list());
        for (String device : campaignDevices) {
            assertThat(json(send("GET", "/api/devices/" + device, "a", null)).path("firmwareVersion").asText()).isNotEqualTo("7.7.7");
        }
        // on PostgreSQL too: the database announces other processes' SMI changes (SmiChangeListenerTest)
        assertThat(platform.smiReadModel().size()).as("devices kept by the SMI read model").isPositive();

        var approved = send("POST", "/api/campaigns/" + id + "/approve", "a2", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode end = awaitState(id, "COMPLETED", "PAUSED");
        if (end.path("state").asText().equals("PAUSED")) {
            assertThat(send("POST", "/api/campaigns/" + id + "/resume", "a", null).statusCode()).isEqualTo(200);
            end = awaitState(id, "COMPLETED");
        }
        watching.set(false);
        watcher.join();

        Map<String, Long> store = platform.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT state, COUNT(*) FROM campaign_device WHERE campaign_id = :id GROUP BY state").bind("id", id)
                .reduceRows(new java.util.TreeMap<String, Long>(), (m, r) -> {
                    m.put(r.getColumn(1, String.class), r.getColumn(2, Long.class));
                    return m;
                }));
        assertThat(store.keySet()).as("every device in a final state").isSubsetOf(
                "CONFIRMED", "DELIVERY_FAILED", "ACTIVATION_FAILED", "TIMED_OUT", "SKIPPED", "CANCELLED");
        assertThat(store.get("CONFIRMED")).isPositive();
        assertThat(store.get("SKIPPED")).as("other models, other suppliers' devices, TCSO bridges").isPositive();
        Map<String, Long> api = Json.MAPPER.convertValue(end.path("counts"), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(new java.util.TreeMap<>(api)).isEqualTo(store);
        assertThat(overlaps.get()).as("samples with two devices updating on one HAN").isZero();
        Map<Integer, Long> perWave = platform.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT wave, COUNT(*) FROM campaign_device WHERE campaign_id = :id AND wave > 0 GROUP BY wave").bind("id", id)
                .reduceRows(new java.util.TreeMap<Integer, Long>(), (m, r) -> {
                    m.put(r.getColumn(1, Integer.class), r.getColumn(2, Long.class));
                    return m;
                }));
        long eligible = perWave.values().stream().mapToLong(Long::longValue).sum();
        assertThat(perWave).as("waves of 10 %% and 90 %% of %d eligible devices", eligible)
                .containsExactly(Map.entry(1, Math.round(eligible * 0.10)), Map.entry(2, eligible - Math.round(eligible * 0.10)));

        long confirmedWithoutVersion = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM campaign_device cd JOIN device d ON d.device_id = cd.device_id
                 WHERE cd.campaign_id = :id AND cd.state = 'CONFIRMED' AND d.firmware_version <> '7.7.7'""")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(confirmedWithoutVersion).isZero();
        List<String> confirmed = platform.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT device_id FROM campaign_device WHERE campaign_id = :id AND state = 'CONFIRMED'").bind("id", id)
                .mapTo(String.class).list());
        for (String device : confirmed) { // read as SRV 8.2 would: the read model forgot what CONFIRMED changed (BR5-BR7)
            assertThat(json(send("GET", "/api/devices/" + device, "a", null)).path("firmwareVersion").asText()).as(device).isEqualTo("7.7.7");
        }
        long skippedButSent = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM campaign_device cd JOIN device d ON d.device_id = cd.device_id
                 WHERE cd.campaign_id = :id AND (cd.state = 'SKIPPED' OR d.tcso_reclassified) AND cd.sent_count > 0""")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(skippedButSent).as("TCSO and ineligible devices are never sent").isZero();
        long tcsoSkipped = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM campaign_device cd JOIN device d ON d.device_id = cd.device_id
                 WHERE cd.campaign_id = :id AND d.tcso_reclassified AND cd.state = 'SKIPPED'""")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(tcsoSkipped).isPositive();

        JsonNode devices = json(send("GET", "/api/campaigns/" + id + "/devices?state=CONFIRMED&size=5", "a", null));
        assertThat(devices.path("total").asLong()).isEqualTo(store.get("CONFIRMED"));
        assertThat(devices.path("items")).hasSize(5);
        var report = send("GET", "/api/reports/firmware-versions?format=csv", "admin", null);
        assertThat(report.body()).startsWith("alt_han_device_variant,manufacturer,model,firmware_version,devices");
    }

    @Test
    void runsAOneWavePlanWithEveryEligibleDeviceInWaveOne() throws Exception {
        // a plan of one wave ("waves": [100]) once stalled eligibility: its wave expression was not valid SQL
        String sha = registerImage("7.7.9");
        var created = send("POST", "/api/campaigns", "a", """
                {"name": "one wave", "imageSha256": "%s", "selection": {"ppmids": true, "altHanVariants": ["B1", "B2", "B3", "B4"], "regions": ["NORTH"]},
                 "waves": [100], "successThresholdPercent": 0, "maxRetries": 3, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}"""
                .formatted(sha));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("campaignId").asText();
        assertThat(send("POST", "/api/campaigns/" + id + "/approve", "a2", null).statusCode()).isEqualTo(200);

        JsonNode end = awaitState(id, "COMPLETED");

        Map<String, Long> waves = platform.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT k, COUNT(*) FROM (SELECT CASE WHEN state = 'SKIPPED' THEN 'skipped' ELSE 'wave ' || wave END AS k
                          FROM campaign_device WHERE campaign_id = :id) x GROUP BY k""").bind("id", id)
                .reduceRows(new java.util.TreeMap<String, Long>(), (m, r) -> {
                    m.put(r.getColumn(1, String.class), r.getColumn(2, Long.class));
                    return m;
                }));
        assertThat(waves.keySet()).as("skipped devices and one wave, nothing left pending").isSubsetOf("skipped", "wave 1");
        assertThat(waves.get("wave 1")).as("devices in wave 1: %s", end).isPositive().isEqualTo(end.path("devices").asLong() - waves.getOrDefault("skipped", 0L));
        assertThat(end.path("counts").path("PENDING").isMissingNode()).isTrue();
    }

    @Test
    void skipsADeviceWhoseUpdateIsInFlightInAnotherRunningCampaign() throws Exception {
        String sha = registerImage("7.8.1");
        List<String> two = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.device_id FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND d.battery_powered = FALSE AND p.import_supplier = 'SUPPLIER-A'
                   AND d.model = (SELECT model FROM firmware_image WHERE sha256 = :sha)
                 ORDER BY d.device_id FETCH FIRST 2 ROWS ONLY""").bind("sha", sha).mapTo(String.class).list());
        assertThat(two).hasSize(2);
        // another campaign, still running, has the first device SENT (an update in progress, alt-han.drl)
        platform.database().jdbi().useTransaction(h -> {
            h.execute("""
                    INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                      created_party, created_role, state, wave_count, definition_json, created_at, updated_at)
                    VALUES ('other-running', 'other', ?, '7.8.0', 'M', 'x', 'SUPPLIER-A', 'IS', 'RUNNING', 1, '{}', NOW(), NOW())""", sha);
            h.execute("""
                    INSERT INTO campaign_device (campaign_id, device_id, wave, state, attempts, sent_count, updated_at)
                    VALUES ('other-running', ?, 1, 'SENT', 0, 1, NOW())""", two.get(0));
        });
        var created = send("POST", "/api/campaigns", "a", """
                {"name": "in progress elsewhere", "imageSha256": "%s",
                 "selection": {"ppmids": true, "altHanVariants": ["B1", "B2", "B3", "B4"], "deviceIds": ["%s", "%s"]},
                 "waves": [100], "successThresholdPercent": 0, "maxRetries": 1, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}"""
                .formatted(sha, two.get(0), two.get(1)));
        try {
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created).path("campaignId").asText();
            assertThat(send("POST", "/api/campaigns/" + id + "/approve", "a2", null).statusCode()).isEqualTo(200);
            awaitState(id, "COMPLETED");
            assertInProgressDeviceSkipped(id, two);
        } finally {
            platform.database().jdbi().useHandle(h -> {
                h.execute("UPDATE campaign_device SET state = 'CANCELLED' WHERE campaign_id = 'other-running'");
                h.execute("UPDATE firmware_campaign SET state = 'CANCELLED' WHERE campaign_id = 'other-running'");
            });
        }
    }

    @Test
    void skipsADeviceStillToBeUpdatedByAnotherRunningCampaignWithTheReason() throws Exception {
        String sha = registerImage("7.8.2");
        List<String> two = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.device_id FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND d.battery_powered = FALSE AND p.import_supplier = 'SUPPLIER-A'
                   AND d.model = (SELECT model FROM firmware_image WHERE sha256 = :sha)
                 ORDER BY d.device_id DESC FETCH FIRST 2 ROWS ONLY""").bind("sha", sha).mapTo(String.class).list());
        assertThat(two).hasSize(2);
        // another campaign, paused (not finished), has the first device SCHEDULED: not in flight, but still its to update
        String other = "other-paused";
        platform.database().jdbi().useTransaction(h -> {
            h.execute("""
                    INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                      created_party, created_role, state, wave_count, definition_json, created_at, updated_at)
                    VALUES (?, 'other', ?, '7.8.0', 'M', 'x', 'SUPPLIER-A', 'IS', 'PAUSED', 1, '{}', NOW(), NOW())""", other, sha);
            h.execute("""
                    INSERT INTO campaign_device (campaign_id, device_id, wave, state, attempts, sent_count, updated_at)
                    VALUES (?, ?, 1, 'SCHEDULED', 0, 0, NOW())""", other, two.get(0));
        });
        var created = send("POST", "/api/campaigns", "a", """
                {"name": "in another campaign", "imageSha256": "%s",
                 "selection": {"ppmids": true, "altHanVariants": ["B1", "B2", "B3", "B4"], "deviceIds": ["%s", "%s"]},
                 "waves": [100], "successThresholdPercent": 0, "maxRetries": 1, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}"""
                .formatted(sha, two.get(0), two.get(1)));
        try {
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created).path("campaignId").asText();
            assertThat(send("POST", "/api/campaigns/" + id + "/approve", "a2", null).statusCode()).isEqualTo(200);
            awaitState(id, "COMPLETED");
            JsonNode skipped = json(send("GET", "/api/campaigns/" + id + "/devices?state=SKIPPED", "a", null)).path("items");
            assertThat(skipped).singleElement().satisfies(d -> {
                assertThat(d.path("deviceId").asText()).isEqualTo(two.get(0));
                assertThat(d.path("reason").asText()).startsWith("IN-ANOTHER-CAMPAIGN").contains(other);
                assertThat(d.path("sent").asInt()).isZero();
            });
            JsonNode all = json(send("GET", "/api/campaigns/" + id + "/devices", "a", null)).path("items");
            assertThat(all).filteredOn(d -> d.path("deviceId").asText().equals(two.get(1)))
                    .singleElement().satisfies(d -> assertThat(d.path("sent").asInt()).isPositive());
        } finally {
            platform.database().jdbi().useHandle(h -> {
                h.execute("UPDATE campaign_device SET state = 'CANCELLED' WHERE campaign_id = ?", other);
                h.execute("UPDATE firmware_campaign SET state = 'CANCELLED' WHERE campaign_id = ?", other);
            });
        }
    }

    private void assertInProgressDeviceSkipped(String id, List<String> two) throws Exception {
        JsonNode skipped = json(send("GET", "/api/campaigns/" + id + "/devices?state=SKIPPED", "a", null)).path("items");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("deviceId").asText()).isEqualTo(two.get(0));
        assertThat(skipped.get(0).path("reason").asText()).startsWith("ALTHAN-11.4-IN-PROGRESS");
        JsonNode sent = json(send("GET", "/api/campaigns/" + id + "/devices", "a", null)).path("items");
        assertThat(sent).filteredOn(d -> d.path("deviceId").asText().equals(two.get(1)))
                .singleElement().satisfies(d -> assertThat(d.path("sent").asInt()).isPositive());
    }

    @Test
    void answersTwoApproversAtOnceWithOne409AndNamesTheUserWhoseApprovalTookEffect() throws Exception {
        String sha = registerImage("8.2.1");
        for (int round = 0; round < 3; round++) {
            var created = send("POST", "/api/campaigns", "a", """
                    {"name": "race %d", "imageSha256": "%s", "selection": {"ppmids": true, "regions": ["SOUTH"]},
                     "waves": [100], "successThresholdPercent": 0, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}"""
                    .formatted(round, sha));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created).path("campaignId").asText();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> send("POST", "/api/campaigns/" + id + "/approve", "a2", null));
                var second = pool.submit(() -> send("POST", "/api/campaigns/" + id + "/approve", "admin", null));
                HttpResponse<String> byA2 = first.get();
                HttpResponse<String> byAdmin = second.get();
                assertThat(List.of(byA2.statusCode(), byAdmin.statusCode())).as(byA2.body() + " / " + byAdmin.body())
                        .containsExactlyInAnyOrder(200, 409);
                String winner = byA2.statusCode() == 200 ? "supplier-a-2" : "admin"; // User IDs of the tokens a2 and admin
                HttpResponse<String> loser = byA2.statusCode() == 200 ? byAdmin : byA2;
                assertThat(loser.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(json(send("GET", "/api/campaigns/" + id, "a", null)).path("approvedBy").asText()).isEqualTo(winner);
            } finally {
                pool.shutdownNow();
            }
            send("POST", "/api/campaigns/" + id + "/cancel", "a", null);
        }
    }

    @Test
    void answersApproveAndCancelAtOnceWithoutAServerErrorAndTheStateThatWon() throws Exception {
        String sha = registerImage("8.1.2");
        for (int round = 0; round < 3; round++) {
            var created = send("POST", "/api/campaigns", "a", """
                    {"name": "approve or cancel %d", "imageSha256": "%s", "selection": {"ppmids": true, "regions": ["CENTRAL"]},
                     "waves": [100], "successThresholdPercent": 0, "retryBackoffMs": 20, "deviceTimeoutMs": 4000}"""
                    .formatted(round, sha));
            String id = json(created).path("campaignId").asText();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var approve = pool.submit(() -> send("POST", "/api/campaigns/" + id + "/approve", "a2", null));
                var cancel = pool.submit(() -> send("POST", "/api/campaigns/" + id + "/cancel", "a", null));
                HttpResponse<String> approved = approve.get();
                HttpResponse<String> cancelled = cancel.get();
                assertThat(approved.statusCode()).as(approved.body()).isIn(200, 409);
                assertThat(cancelled.statusCode()).as(cancelled.body()).isIn(200, 409);
                assertThat(approved.statusCode() == 200 || cancelled.statusCode() == 200).as("one took effect").isTrue();
                if (approved.statusCode() == 409) {
                    // the cancellation won: the approval task is gone (the stored state follows once the process ends)
                    assertThat(approved.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                    assertThat(json(approved).path("field").asText()).isEqualTo("state");
                }
            } finally {
                pool.shutdownNow();
            }
            awaitState(id, "CANCELLED", "COMPLETED");
        }
    }

    @Test
    void refusesASupplierMoreCampaignsNotYetFinishedThanItsLimit() throws Exception {
        String sha = registerImage("8.1.3");
        List<String> made = new java.util.ArrayList<>();
        HttpResponse<String> r;
        int guard = 0;
        do {
            r = send("POST", "/api/campaigns", "a", """
                    {"name": "limit %d", "imageSha256": "%s", "selection": {"ppmids": true}}""".formatted(guard, sha));
            if (r.statusCode() == 201) {
                made.add(json(r).path("campaignId").asText());
            }
        } while (r.statusCode() == 201 && ++guard < 20);
        try {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            assertThat(json(r).path("rule").asText()).contains("campaigns.maxActivePerSupplier");
            long active = platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM firmware_campaign"
                    + " WHERE created_party = 'SUPPLIER-A' AND state NOT IN ('COMPLETED', 'CANCELLED')").mapTo(Long.class).one());
            assertThat(active).isEqualTo(10);
            assertThat(send("POST", "/api/campaigns", "b", """
                    {"name": "other supplier", "imageSha256": "%s", "selection": {"ppmids": true}}""".formatted(sha)).statusCode())
                    .as("another Supplier's limit is its own").isNotEqualTo(409);
        } finally {
            for (String id : made) {
                send("POST", "/api/campaigns/" + id + "/cancel", "a", null);
            }
        }
    }

    @Test
    void refusesACampaignForAnUnknownImageNamingTheFieldAndTheRule() throws Exception {
        var r = send("POST", "/api/campaigns", "a", """
                {"name": "unknown", "imageSha256": "%s"}""".formatted("ab".repeat(32)));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("field").asText()).isEqualTo("imageSha256");
        assertThat(json(r).path("rule").asText()).contains("BR12");
    }

    @Test
    void refusesWavesThatDoNotSumToAHundredPercent() throws Exception {
        var r = send("POST", "/api/campaigns", "a", """
                {"name": "bad waves", "imageSha256": "%s", "waves": [10, 10]}""".formatted("ab".repeat(32)));

        assertThat(r.statusCode()).isIn(400, 422);
        assertThat(json(r).path("field").asText()).isEqualTo("waves");
    }
}
