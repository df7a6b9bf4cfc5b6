package org.secflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.testkit.TestDatabase;

/**
 * Two secflow processes ({@code bin/secflow serve}, two JVMs) on one PostgreSQL database: a firmware campaign runs
 * in the first while both serve Service Requests (SRV 11.4 firmware updates and SRV 8.2 reads) for the same
 * devices. Watched in the database all along: never a device with two firmware updates in progress (a campaign's
 * and a Service Request's, or two Service Requests'), never two devices of one HAN updating at once; at the end every
 * decision of both processes is in the audit.
 */
class TwoProcessesOnPostgresqlIT {
    private static final Path DIST = Path.of(System.getProperty("secflow.dist", "../../target/secflow"));
    private static final Path REPO = Path.of(System.getProperty("secflow.repo", "../.."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN_FLIGHT = "('SENT', 'DELIVERED', 'ACTIVATED')";
    private static final String SR_IN_PROGRESS = "('ACCEPTED', 'SENT', 'DELIVERED_TO_HUB', 'DELIVERED')";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private Process serve(Path config, int port, String name, boolean demo) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/secflow").toString(), "serve", "--port",
                String.valueOf(port), "--config", config.toString(), "--data", data.resolve(name).toString()));
        if (demo) {
            cmd.add("--demo");
        }
        return new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile()).start();
    }

    private HttpResponse<String> call(int port, String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy(Process p, int port, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (call(port, "GET", "/api/health", "demo-admin", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError(name + " never became healthy; log:\n" + Files.readString(data.resolve(name + ".log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void twoProcessesOnOneDatabaseNeverUpdateADeviceTwiceOrTwoDevicesOfAHanAtOnceAndAuditEveryDecision() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql()) {
            Path config = data.resolve("secflow.yaml");
            Files.writeString(config, CampaignCrashIT.onDatabase(Files.readString(DIST.resolve("conf/secflow.yaml")), db)
                    .replace("      altHanShare: \"0.03\"", "      altHanShare: \"0.2\"\n      latencyMs: \"150\""));
            int portA = freePort();
            int portB = freePort();
            Process a = serve(config, portA, "a", true);
            Process b = null;
            AtomicBoolean watching = new AtomicBoolean(true);
            List<String> violations = new CopyOnWriteArrayList<>();
            AtomicInteger looks = new AtomicInteger();
            Thread watcher = new Thread(() -> watch(db, watching, violations, looks), "watcher");
            try {
                awaitHealthy(a, portA, "a");
                b = serve(config, portB, "b", false);
                awaitHealthy(b, portB, "b");

                JsonNode ppmids = JSON.readTree(call(portA, "GET", "/api/devices?type=PPMID&size=500", "demo-admin", null).body()).path("items");
                assertThat(ppmids.size()).isPositive();
                String model = ppmids.get(0).path("model").asText();
                List<String> targets = new ArrayList<>();
                ppmids.forEach(d -> {
                    if (d.path("model").asText().equals(model)) {
                        targets.add(d.path("deviceId").asText());
                    }
                });
                String sha = "facade".repeat(10) + "0b0e";
                HttpResponse<String> image = call(portA, "POST", "/api/firmware-images", "demo-operator", """
                        {"manufacturer": "M", "model": "%s", "version": "9.9.9", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                        .formatted(model, sha));
                assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
                HttpResponse<String> created = call(portA, "POST", "/api/campaigns", "demo-supplier-a", """
                        {"name": "two processes", "imageSha256": "%s", "selection": {"ppmids": true, "altHanVariants": ["B1","B2","B3","B4"]},
                         "waves": [100], "successThresholdPercent": 0, "maxRetries": 1, "retryBackoffMs": 100, "deviceTimeoutMs": 20000}"""
                        .formatted(sha));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String id = JSON.readTree(created.body()).path("campaignId").asText();
                watcher.start();

                // Service Requests through both processes, for the campaign's devices, while it runs
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                AtomicBoolean sending = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int port : List.of(portA, portB)) {
                    Thread t = new Thread(() -> {
                        int n = 0;
                        while (sending.get() && n < 400) {
                            String device = targets.get((n * 7 + port) % targets.size());
                            String body = n % 3 == 2
                                    ? "{\"srv\": \"8.2\", \"deviceId\": \"" + device + "\"}"
                                    : "{\"srv\": \"11.4\", \"deviceId\": \"" + device + "\", \"payload\": {\"firmwareImageSha256\": \"" + sha + "\"}}";
                            try {
                                int status = call(port, "POST", "/api/service-requests", "demo-supplier-a", body).statusCode();
                                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                            } catch (Exception e) {
                                violations.add("request failed: " + e);
                            }
                            n++;
                        }
                    }, "client-" + port);
                    clients.add(t);
                    t.start();
                }
                assertThat(call(portA, "POST", "/api/campaigns/" + id + "/approve", "demo-supplier-a2", null).statusCode()).isEqualTo(200);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                JsonNode view = JSON.readTree(call(portA, "GET", "/api/campaigns/" + id, "demo-supplier-a", null).body());
                while (!view.path("state").asText().equals("COMPLETED")) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("campaign did not complete: " + view + "\nlog a:\n" + Files.readString(data.resolve("a.log")));
                    }
                    if (view.path("state").asText().equals("PAUSED") && !view.path("openTasks").isEmpty()) {
                        call(portA, "POST", "/api/campaigns/" + id + "/resume", "demo-supplier-a", null);
                    }
                    Thread.sleep(250);
                    view = JSON.readTree(call(portA, "GET", "/api/campaigns/" + id, "demo-supplier-a", null).body());
                }
                sending.set(false);
                for (Thread t : clients) {
                    t.join(60_000);
                }
                watching.set(false);
                watcher.join(10_000);

                assertThat(violations).as("seen in %d looks at the database", looks.get()).isEmpty();
                assertThat(looks.get()).isGreaterThan(10);
                int decided = 0;
                int accepted = 0;
                for (var e : statuses.entrySet()) {
                    int status = e.getKey();
                    assertThat(status).as("statuses %s", statuses).isIn(200, 201, 202, 422);
                    decided += e.getValue().get();
                    if (status < 300) {
                        accepted += e.getValue().get();
                    }
                }
                assertThat(accepted).as("statuses %s", statuses).isPositive();
                assertThat(statuses.getOrDefault(422, new AtomicInteger()).get()).as("statuses %s", statuses).isPositive();
                try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                     Statement s = c.createStatement()) {
                    assertThat(count(s, "SELECT COUNT(*) FROM decision_audit")).as("every decision audited").isEqualTo(decided);
                    assertThat(count(s, "SELECT COUNT(*) FROM decision_audit WHERE outcome = 'ACCEPTED'")).isEqualTo(accepted);
                    assertThat(count(s, "SELECT COUNT(*) FROM campaign_device WHERE campaign_id = '" + id + "' AND state = 'CONFIRMED'"))
                            .isPositive();
                    assertThat(count(s, "SELECT COUNT(*) FROM campaign_device WHERE campaign_id = '" + id + "' AND (state IN "
                            + IN_FLIGHT + " OR state IN ('PENDING', 'SCHEDULED'))")).isZero();
                    assertThat(count(s, "SELECT COUNT(*) FROM device_update_claim WHERE holder = '" + id + "'"))
                            .as("the campaign holds no device once it is complete").isZero();
                }
            } finally {
                watching.set(false);
                a.destroy();
                if (b != null) {
                    b.destroy();
                    b.waitFor(30, TimeUnit.SECONDS);
                }
                a.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Looks at the database until told to stop and notes every broken rule it sees. */
    private static void watch(TestDatabase db, AtomicBoolean watching, List<String> violations, AtomicInteger looks) {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement s = c.createStatement()) {
            while (watching.get()) {
                note(s, violations, "two firmware updates in progress for device ", """
                        SELECT device_id FROM (
                          SELECT device_id FROM campaign_device WHERE state IN %s
                          UNION ALL SELECT device_id FROM service_request_device WHERE srv = '11.4' AND state IN %s) u
                         GROUP BY device_id HAVING COUNT(*) > 1""".formatted(IN_FLIGHT, SR_IN_PROGRESS));
                note(s, violations, "two devices updating at once on the HAN of ", """
                        SELECT comms_hub_id FROM campaign_device WHERE state IN %s AND comms_hub_id IS NOT NULL
                         GROUP BY comms_hub_id HAVING COUNT(*) > 1""".formatted(IN_FLIGHT));
                looks.incrementAndGet();
                Thread.sleep(20);
            }
        } catch (Exception e) {
            violations.add("the watcher failed: " + e);
        }
    }

    private static void note(Statement s, List<String> violations, String what, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                violations.add(what + rs.getString(1));
            }
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
