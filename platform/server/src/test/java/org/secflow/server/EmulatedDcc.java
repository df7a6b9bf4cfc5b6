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
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiServer;
import org.secflow.server.http.Json;
import org.secflow.spi.Region;
import org.secflow.testkit.TestDatabase;

/**
 * A secflow with the real plugin jars (reference DSP, both CSPs, the device emulator at zero latency) on a real
 * database and a real HTTP port, that a test can stop and start again on the same data folder and database: the
 * emulated DCC of the Service Request acceptance tests. Users: {@code supplier} (SUPPLIER-A: IS, GS, ES of every
 * premises), {@code ed-<region>} (the region's distributor, ED), {@code gt-<region>} (the region's gas transporter,
 * GT), {@code ou} (OU-ENERGY-APP, OU), {@code admin}.
 */
final class EmulatedDcc implements AutoCloseable {
    private final Path dir;
    private final TestDatabase testDatabase;
    private final Map<String, String> emulator;
    private final SecflowConfig.ServiceRequests serviceRequests;
    private final HttpClient http = HttpClient.newHttpClient();
    private Platform platform;
    private Javalin app;

    EmulatedDcc(Path dir, Map<String, String> emulator) throws IOException {
        this(dir, emulator, null);
    }

    /** @param serviceRequests the Service Request path's limits, null for the defaults */
    EmulatedDcc(Path dir, Map<String, String> emulator, SecflowConfig.ServiceRequests serviceRequests) throws IOException {
        this.dir = dir;
        this.emulator = emulator;
        this.serviceRequests = serviceRequests;
        this.testDatabase = TestDatabase.postgresqlSelected() ? TestDatabases.fresh() : null;
        Path plugins = BuiltPlugins.copyInto(dir);
        start();
    }

    /** Starts the platform and the API on the data folder and database; the estate is generated on first start. */
    void start() {
        List<SecflowConfig.UserEntry> users = new java.util.ArrayList<>(List.of(
                new SecflowConfig.UserEntry("supplier", "supplier-a", "Supplier A", "SUPPLIER-A",
                        List.of(DccUserRole.IS, DccUserRole.GS, DccUserRole.ES), List.of()),
                new SecflowConfig.UserEntry("ou", "ou-energy-app", "Energy app", "OU-ENERGY-APP", List.of(DccUserRole.OU), List.of()),
                new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        for (Region r : Region.values()) {
            String region = r.name().toLowerCase(java.util.Locale.ROOT);
            users.add(new SecflowConfig.UserEntry("ed-" + region, "ed-" + region, "DNO " + r, "DNO-" + r.name(),
                    List.of(DccUserRole.ED), List.of()));
            users.add(new SecflowConfig.UserEntry("gt-" + region, "gt-" + region, "GDN " + r, "GDN-" + r.name(),
                    List.of(DccUserRole.GT), List.of()));
        }
        var config = new SecflowConfig(
                testDatabase != null ? TestDatabases.config(testDatabase, 8) : new SecflowConfig.Database(null, null, null, 8),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator",
                        Map.of("device-emulator", emulator, "csp-north", Map.of("latencyMs", "0"),
                                "csp-central-south", Map.of("latencyMs", "0"))),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A"), List.of("SUPPLIER-A"), List.of("SUPPLIER-A")),
                null, users, null, null, null, serviceRequests);
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), dir.resolve("plugins"),
                Path.of(System.getProperty("secflow.rules", "../../rules")),
                Path.of(System.getProperty("secflow.bpmn", "../../bpmn"))));
        if (platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM device").mapTo(Long.class).one()) == 0) {
            EstateCommand.generate(platform, 400, 29, false);
        }
        app = ApiServer.create(platform).start(0);
    }

    /** Stops the API and the platform (the device emulator folds its state log into its snapshot). */
    void stop() {
        app.stop();
        platform.close();
    }

    /** Stop, then start again on the same data folder and database. */
    void restart() {
        stop();
        start();
    }

    Platform platform() {
        return platform;
    }

    @Override
    public void close() {
        stop();
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** Sends a Service Request; returns the accepted request's view (the test fails on any other answer). */
    JsonNode submit(String token, String srv, String role, String deviceId, Map<String, Object> payload) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("srv", srv, "userRole", role, "deviceId", deviceId,
                "payload", payload));
        HttpResponse<String> r = send("POST", "/api/service-requests", token, body);
        assertThat(r.statusCode()).as("SRV %s by %s to %s: %s", srv, role, deviceId, r.body()).isIn(200, 201, 202);
        return json(r);
    }

    /** Waits until the request is in a final state and returns its view. */
    JsonNode awaitFinal(String token, String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            view = json(send("GET", "/api/service-requests/" + requestId, token, null));
            if (Set.of("COMPLETED", "FAILED", "PARTIALLY_FAILED").contains(view.path("state").asText())) {
                return view;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("request " + requestId + " never ended: " + view);
    }

    /** Sends a request and waits for its end. */
    JsonNode run(String token, String srv, String role, String deviceId, Map<String, Object> payload) throws Exception {
        JsonNode accepted = submit(token, srv, role, deviceId, payload);
        return awaitFinal(token, accepted.path("requestId").asText());
    }

    /** The body of the request's last response. */
    static JsonNode lastResponse(JsonNode view) {
        JsonNode responses = view.path("responses");
        assertThat(responses.size()).as("responses of %s", view).isPositive();
        return responses.get(responses.size() - 1);
    }
}
