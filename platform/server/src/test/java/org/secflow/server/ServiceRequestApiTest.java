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
 * Over real HTTP: the real rules/ folder, the real plugin jars built by the plugin modules
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
        Path plugins = BuiltPlugins.copyInto(dir);
        var config = new SecflowConfig(
                TestDatabases.config(testDatabase = TestDatabases.fresh(), 4),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator",
                        Map.of("device-emulator", Map.of("altHanShare", "0.25", "latencyMs", "10"),
                                "csp-north", Map.of("latencyMs", "300"), "csp-central-south", Map.of("latencyMs", "300"))),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("SUPPLIER-A", "SUPPLIER-B")),
                null,
                List.of(new SecflowConfig.UserEntry("a", "90-B3-D5-1F-30-01-00-0A", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("b", "90-B3-D5-1F-30-01-00-0B", "Supplier B", "SUPPLIER-B", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("a-both", "90-B3-D5-1F-30-01-00-AB", "Supplier A, both fuels", "SUPPLIER-A",
                                List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("b-gas", "90-B3-D5-1F-30-01-00-BF", "Supplier B gas", "SUPPLIER-B", List.of(DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("dno-north", "90-B3-D5-1F-30-01-00-D1", "DNO North", "DNO-NORTH", List.of(DccUserRole.ED), List.of()),
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
        var image = send("POST", "/api/firmware-images", "admin", """
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

    /** A device of the estate matching a SQL condition over d (device) and p (premises), with its premises. */
    private Map<String, Object> anyDevice(String where) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.device_id, d.device_type, p.mpan, p.mprn, p.import_supplier, p.gas_supplier, p.region FROM device d
                  JOIN premises p ON p.premises_id = d.premises_id WHERE""" + " " + where + " ORDER BY d.device_id")
                .mapToMap().first());
    }

    @Test
    void refusesAMissingAndAForeignDeviceAlikeWithTheAccessRefusalAlone() throws Exception {
        var foreign = device("p.import_supplier = 'SUPPLIER-B' AND d.device_type = 'ESME'");
        String missing = "0B-AD-00-00-00-00-00-01";
        // 4.2 is not open to IS and 1.1.1 targets no PPMID: the refusal must not let either show
        for (String srv : List.of("7.2", "4.2")) {
            var r1 = send("POST", "/api/service-requests", "a", "{\"srv\": \"" + srv + "\", \"deviceId\": \"" + foreign.get("device_id") + "\"}");
            var r2 = send("POST", "/api/service-requests", "a", "{\"srv\": \"" + srv + "\", \"deviceId\": \"" + missing + "\"}");
            assertThat(r1.statusCode()).isEqualTo(422).isEqualTo(r2.statusCode());
            assertThat(json(r1).path("violations")).hasSize(1);
            assertThat(json(r1).path("violations").path(0).path("ruleId").asText()).isEqualTo("ACCESS-REGISTERED-SUPPLIER");
            assertThat(json(r1).path("violations")).isEqualTo(json(r2).path("violations"));
            assertThat(json(r1).path("detail")).isEqualTo(json(r2).path("detail"));
            assertThat(json(r1).path("title")).isEqualTo(json(r2).path("title"));
        }
    }

    @Test
    void refusesAGasSupplierTheElectricityMeterAndAnImportSupplierTheGasMeterOfAnotherPartysPremises() throws Exception {
        var gasOfA = anyDevice("d.device_type = 'GSME' AND p.import_supplier = 'SUPPLIER-B' AND p.gas_supplier = 'SUPPLIER-A'");
        var r = send("POST", "/api/service-requests", "b", "{\"srv\": \"7.2\", \"deviceId\": \"" + gasOfA.get("device_id") + "\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("violations").findValuesAsText("ruleId")).containsExactly("ACCESS-REGISTERED-SUPPLIER");

        var esmeOfA = anyDevice("d.device_type = 'ESME' AND p.import_supplier = 'SUPPLIER-A' AND p.gas_supplier = 'SUPPLIER-B'");
        var g = send("POST", "/api/service-requests", "b-gas", "{\"srv\": \"1.1.1\", \"deviceId\": \"" + esmeOfA.get("device_id") + "\"}");
        assertThat(g.statusCode()).isEqualTo(422);
        assertThat(json(g).path("violations").findValuesAsText("ruleId")).containsExactly("ACCESS-REGISTERED-SUPPLIER");
    }

    @Test
    void judgesAUserWithBothSupplierRolesByTheRoleThatFitsTheDevice() throws Exception {
        var gsme = anyDevice("d.device_type = 'GSME' AND p.gas_supplier = 'SUPPLIER-A'");
        var read = send("POST", "/api/service-requests", "a-both", "{\"srv\": \"8.2\", \"deviceId\": \"" + gsme.get("device_id") + "\"}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(202);
        assertThat(json(read).path("userRole").asText()).isEqualTo("GS");

        // its own ESME with a gas-only SRV: the real reason (role or target), no access refusal beside it
        var esme = anyDevice("d.device_type = 'ESME' AND p.import_supplier = 'SUPPLIER-A'");
        var wrong = send("POST", "/api/service-requests", "a-both", "{\"srv\": \"4.1.4\", \"deviceId\": \"" + esme.get("device_id") + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json(wrong).path("violations").findValuesAsText("ruleId")).contains("SRV-ROLE")
                .noneMatch(id -> id.startsWith("ACCESS-"));
    }

    @Test
    void letsAnElectricityDistributorReadOnlyTheMetersOfItsDistributionArea() throws Exception {
        var north = anyDevice("d.device_type = 'ESME' AND p.region = 'NORTH'");
        var r = send("POST", "/api/service-requests", "dno-north", "{\"srv\": \"8.2\", \"deviceId\": \"" + north.get("device_id") + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(org.secflow.registration.RegistrationRuleData.of(platform.rules().current()).edPartyOf(north.get("mpan").toString())).contains("DNO-NORTH");

        var south = anyDevice("d.device_type = 'ESME' AND p.region = 'SOUTH'");
        var s = send("POST", "/api/service-requests", "dno-north", "{\"srv\": \"8.2\", \"deviceId\": \"" + south.get("device_id") + "\"}");
        assertThat(s.statusCode()).isEqualTo(422);
        assertThat(json(s).path("violations").findValuesAsText("ruleId")).containsExactly("ACCESS-DISTRIBUTION-AREA");
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
