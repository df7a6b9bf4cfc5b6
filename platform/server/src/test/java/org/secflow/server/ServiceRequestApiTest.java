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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
 * Issue 3 acceptance 3 over real HTTP: the real rules/ folder, the real plugin jars built by the plugin modules
 * (loaded from a directory), an emulated estate, a real in-memory HSQLDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRequestApiTest {
    @TempDir
    static Path dir;

    private Platform platform;
    private TestDatabase testDatabase;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path modules = Path.of(System.getProperty("secflow.pluginModules", "../../plugins"));
        for (String id : List.of("dsp-reference", "csp-north", "csp-central-south", "device-emulator")) {
            Path built = modules.resolve(id).resolve("target/plugin").resolve(id);
            assertThat(built).as("plugin folder built by 'mvn verify' (package phase of the plugin modules)").isDirectory();
            Path target = Files.createDirectories(plugins.resolve(id));
            try (Stream<Path> jars = Files.list(built)) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, target.resolve(jar.getFileName()));
                }
            }
        }
        var config = new SecflowConfig(
                TestDatabases.config(testDatabase = TestDatabases.fresh(), 4),
                new SecflowConfig.Plugins("dsp-reference",
                        Map.of(Region.NORTH, "csp-north", Region.CENTRAL, "csp-central-south", Region.SOUTH, "csp-central-south"),
                        "device-emulator",
                        Map.of("device-emulator", Map.of("altHanShare", "0.25", "latencyMs", "10"),
                                "csp-north", Map.of("latencyMs", "300"), "csp-central-south", Map.of("latencyMs", "300"))),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("SUPPLIER-A", "SUPPLIER-B")),
                null,
                List.of(new SecflowConfig.UserEntry("a", "90-B3-D5-1F-30-01-00-0A", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("b", "90-B3-D5-1F-30-01-00-0B", "Supplier B", "SUPPLIER-B", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins,
                Path.of(System.getProperty("secflow.rules", "../../rules")), dir));
        EstateCommand.generate(platform, 400, 11, false);
        app = ApiServer.create(platform).start(0);
    }

    @AfterAll
    void stop() {
        app.stop();
        platform.close();
        testDatabase.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** A device of the estate matching the SQL condition, with its import supplier. */
    private Map<String, Object> device(String where) {
        return device(where, "ASC");
    }

    private Map<String, Object> device(String where, String order) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.device_id, d.model, d.firmware_version, p.import_supplier FROM device d
                  JOIN premises p ON p.premises_id = d.premises_id
                 WHERE p.mpan IS NOT NULL AND p.import_supplier IN ('SUPPLIER-A', 'SUPPLIER-B') AND""" + " " + where
                + " ORDER BY d.device_id " + order).mapToMap().first());
    }

    private static String tokenOf(Map<String, Object> device) {
        return device.get("import_supplier").equals("SUPPLIER-A") ? "a" : "b";
    }

    private static String otherToken(Map<String, Object> device) {
        return tokenOf(device).equals("a") ? "b" : "a";
    }

    private JsonNode awaitDevice(String requestId, String token, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            view = json(send("GET", "/api/service-requests/" + requestId, token, null));
            if (view.path("devices").path(0).path("state").asText().equals(state)) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("device never reached " + state + ": " + view);
    }

    @Test
    void rejectsJoinServiceForAnAltHanB2BridgeWithTheAltHanRule() throws Exception {
        var bridge = device("d.alt_han_variant = 'B2' AND d.tcso_reclassified = FALSE");
        var r = send("POST", "/api/service-requests", tokenOf(bridge), "{\"srv\": \"8.7.2\", \"deviceId\": \"" + bridge.get("device_id") + "\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(r).path("violations").findValuesAsText("ruleId")).contains("ALTHAN-JOIN-UNJOIN");
        assertThat(json(r).path("ruleSetVersion").asText()).isEqualTo(platform.rules().current().version());
    }

    @Test
    void acceptsFirmwareForAPpmidFromItsRegisteredSupplierBlocksASecondAndRefusesAnotherSupplierWithoutDisclosure() throws Exception {
        var ppmid = device("d.device_type = 'PPMID' AND d.alt_han_variant IS NULL");
        String sha = String.format("%064x", new java.math.BigInteger(1, ppmid.get("device_id").toString().getBytes()));
        var image = send("POST", "/api/firmware-images", tokenOf(ppmid), """
                {"manufacturer": "M", "model": "%s", "version": "9.9.9", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(ppmid.get("model"), sha));
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        String body = "{\"srv\": \"11.4\", \"deviceId\": \"" + ppmid.get("device_id") + "\", \"payload\": {\"firmwareImageSha256\": \"" + sha + "\"}}";

        var accepted = send("POST", "/api/service-requests", tokenOf(ppmid), body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String requestId = json(accepted).path("requestId").asText();

        var blocked = send("POST", "/api/service-requests", tokenOf(ppmid), body);
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(json(blocked).path("violations").findValuesAsText("ruleId")).contains("ALTHAN-11.4-IN-PROGRESS");

        var other = send("POST", "/api/service-requests", otherToken(ppmid), body);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).path("violations").findValuesAsText("ruleId")).containsExactly("ACCESS-REGISTERED-SUPPLIER");
        assertThat(other.body()).doesNotContain("PPMID").doesNotContain(ppmid.get("model").toString()).doesNotContain("in progress");

        JsonNode done = awaitDevice(requestId, tokenOf(ppmid), "ACTIVATED");
        assertThat(done.path("history").findValuesAsText("alert")).contains("0x8F8A", "0x8F8B");

        var audit = json(send("GET", "/api/service-requests?srv=11.4&outcome=REJECTED", "admin", null));
        assertThat(audit.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersReadFirmwareVersionWithTheEmulatedDevicesVersion() throws Exception {
        var ppmid = device("d.device_type = 'PPMID' AND d.alt_han_variant IS NULL", "DESC");
        var r = send("POST", "/api/service-requests", tokenOf(ppmid), "{\"srv\": \"11.2\", \"deviceId\": \"" + ppmid.get("device_id") + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);

        JsonNode done = awaitDevice(json(r).path("requestId").asText(), tokenOf(ppmid), "COMPLETED");
        assertThat(done.path("devices").path(0).path("detail").asText()).contains("firmwareVersion=" + ppmid.get("firmware_version"));
    }

    /** 8.2 is answered from the SMI read model once the device has been read; an 8.4 must not leave it stale. */
    @Test
    void readsInventoryAgainAfterAnUpdateInventoryAndSeesTheUpdate() throws Exception {
        var esme = device("d.device_type = 'ESME'", "DESC");
        String read = "{\"srv\": \"8.2\", \"userRole\": \"IS\", \"deviceId\": \"" + esme.get("device_id") + "\"}";
        for (int i = 0; i < 2; i++) { // the second read is answered from memory
            var r = send("POST", "/api/service-requests", tokenOf(esme), read);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(json(r).path("response").asText()).contains("\"firmwareVersion\":\"" + esme.get("firmware_version") + "\"");
        }
        var update = send("POST", "/api/service-requests", tokenOf(esme), "{\"srv\": \"8.4\", \"userRole\": \"IS\", \"deviceId\": \""
                + esme.get("device_id") + "\", \"payload\": {\"firmwareVersion\": \"8.4.0-test\"}}");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(202);

        var after = send("POST", "/api/service-requests", tokenOf(esme), read);
        assertThat(json(after).path("response").asText()).contains("\"firmwareVersion\":\"8.4.0-test\"");
    }

    /** Time-ordered ids keep each new request at the end of the primary-key indexes (README "Benchmarks"). */
    @Test
    void givesRequestsTimeOrderedIdsThatSortInTheOrderTheyWereAccepted() throws Exception {
        var esme = device("d.device_type = 'ESME'");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var r = send("POST", "/api/service-requests", tokenOf(esme),
                    "{\"srv\": \"8.2\", \"userRole\": \"IS\", \"deviceId\": \"" + esme.get("device_id") + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(json(r).path("requestId").asText());
        }
        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(ids).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void preNotifiesType1DevicesOnAHubUntilItHoldsSixThenRefusesTheSeventh() throws Exception {
        var hub = device("d.device_type = 'CHF'");
        String hubId = hub.get("device_id").toString();
        long onHub = platform.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM device WHERE comms_hub_id = :hub AND device_type IN ('PPMID', 'HCALCS')")
                .bind("hub", hubId).mapTo(Long.class).one());
        String body = """
                {"srv": "12.2", "payload": {"deviceId": "%s", "deviceType": "HCALCS", "manufacturer": "M", "model": "ALCS-1",
                 "firmwareVersion": "1.0", "commsHubId": "%s"}}""";
        for (long i = onHub; i < 6; i++) {
            var r = send("POST", "/api/service-requests", tokenOf(hub), body.formatted(String.format("0B-00-00-00-00-00-00-%02X", i), hubId));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(json(r).path("state").asText()).isEqualTo("COMPLETED");
        }
        var seventh = send("POST", "/api/service-requests", tokenOf(hub), body.formatted("0B-00-00-00-00-00-00-FF", hubId));
        assertThat(seventh.statusCode()).isEqualTo(422);
        assertThat(json(seventh).path("violations").findValuesAsText("ruleId")).containsExactly("ALTHAN-TYPE1-LIMIT");
        assertThat(send("GET", "/api/devices/0B-00-00-00-00-00-00-FF", "admin", null).statusCode()).isEqualTo(404);
    }
}
