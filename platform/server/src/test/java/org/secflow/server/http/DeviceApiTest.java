package org.secflow.server.http;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.server.TestDatabases;
import org.secflow.testkit.TestDatabase;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.Platform;
import org.secflow.server.RuntimePaths;
import org.secflow.server.config.SecflowConfig;

/** Real HTTP against a started server on a random port, a real in-memory HSQLDB (or PostgreSQL). */
class DeviceApiTest {
    @TempDir
    Path dir;

    private Platform platform;
    private TestDatabase testDatabase;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        var config = new SecflowConfig(
                TestDatabases.config(testDatabase = TestDatabases.fresh(), 2),
                new SecflowConfig.Plugins(null, Map.of(), null, Map.of()), null, null, null,
                List.of(new SecflowConfig.UserEntry("supplier", "90-B3-D5-1F-30-01-00-0A", "Supplier A", "SUPPLIER-A",
                                List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST)),
                        new SecflowConfig.UserEntry("operator", "dcc-operations", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR))));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins,
                Path.of(System.getProperty("secflow.rules", "../../rules")), dir));
        app = ApiServer.create(platform).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
        platform.close();
        testDatabase.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) throws IOException {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = json(r);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(body.path("field").asText()).isEqualTo(field);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static final String B3_BRIDGE = """
            {"deviceId": "00-DB-12-34-56-78-90-B3", "altHanDevice": true, "altHanDeviceVariant": "B3",
             "manufacturer": "Bridges Ltd", "model": "P2P-B3", "firmwareVersion": "1.0.0", "batteryPowered": false}""";

    @Test
    void preNotifiesReadsAndUpdatesAB3Bridge() throws Exception {
        var created = send("POST", "/api/devices", "operator", B3_BRIDGE);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/devices/00-DB-12-34-56-78-90-B3");
        assertThat(json(created).path("deviceType").asText()).isEqualTo("PPMID");
        assertThat(json(created).path("altHanDeviceVariant").asText()).isEqualTo("B3");
        assertThat(json(created).path("status").asText()).isEqualTo("PENDING");

        var read = send("GET", "/api/devices/00-DB-12-34-56-78-90-B3", "operator", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("model").asText()).isEqualTo("P2P-B3");

        var updated = send("PATCH", "/api/devices/00-DB-12-34-56-78-90-B3", "operator", "{\"firmwareVersion\": \"1.1.0\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("firmwareVersion").asText()).isEqualTo("1.1.0");
        assertThat(json(send("GET", "/api/devices?variant=B3", "operator", null)).path("total").asLong()).isEqualTo(1);
        assertThat(json(send("GET", "/api/devices?variant=B3", "supplier", null)).path("total").asLong())
                .as("a device on no premises is no Supplier's").isZero();
        assertProblem(send("GET", "/api/devices/00-DB-12-34-56-78-90-B3", "supplier", null), 404, "deviceId");
    }

    @Test
    void aSupplierPreNotifiesOnlyIntoACommunicationsHub() throws Exception {
        assertProblem(send("POST", "/api/devices", "supplier", B3_BRIDGE), 422, "commsHubId");
        assertProblem(send("POST", "/api/devices", "supplier", B3_BRIDGE.replace("\"batteryPowered\": false",
                "\"batteryPowered\": false, \"commsHubId\": \"00-DB-12-34-56-78-90-C0\"")), 422, "commsHubId");
        assertThat(json(send("GET", "/api/devices", "operator", null)).path("total").asLong()).isZero();
    }

    @Test
    void refusesABridgeWithoutVariantNamingTheFieldAndStoresNothing() throws Exception {
        var r = send("POST", "/api/devices", "supplier", """
                {"deviceId": "00-DB-12-34-56-78-90-B4", "altHanDevice": true, "manufacturer": "M", "model": "B", "firmwareVersion": "1"}""");
        assertProblem(r, 422, "altHanDeviceVariant");
        assertThat(json(r).path("rule").asText()).contains("SRV 12.2");
        assertThat(send("GET", "/api/devices/00-DB-12-34-56-78-90-B4", "supplier", null).statusCode()).isEqualTo(404);
    }

    @Test
    void answers401WithoutOrWithAnUnknownToken() throws Exception {
        var none = send("GET", "/api/devices", null, null);
        assertProblem(none, 401, "Authorization");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(send("GET", "/api/health", "not-a-token", null), 401, "Authorization");
        assertProblem(send("GET", "/api/devices", "not-a-token", null), 401, "Authorization");
    }

    @Test
    void answers400ProblemJsonForMalformedJson() throws Exception {
        assertProblem(send("POST", "/api/devices", "supplier", "{\"deviceId\": \"00-DB"), 400, "body");
    }

    @Test
    void namesTheFieldOfAnUnknownFieldAWrongTypeAnUnknownVariantAndABadDeviceId() throws Exception {
        assertProblem(send("POST", "/api/devices", "supplier", B3_BRIDGE.replace("\"batteryPowered\"", "\"colour\"")), 400, "colour");
        assertProblem(send("POST", "/api/devices", "supplier", B3_BRIDGE.replace("\"batteryPowered\": false", "\"batteryPowered\": \"no\"")), 400, "batteryPowered");
        var variant = send("POST", "/api/devices", "supplier", B3_BRIDGE.replace("\"B3\"", "\"B7\""));
        assertProblem(variant, 400, "altHanDeviceVariant");
        assertThat(json(variant).path("detail").asText()).contains("B1, B2, B3, B4");
        assertProblem(send("POST", "/api/devices", "supplier", B3_BRIDGE.replace("00-DB-12-34-56-78-90-B3", "00-ZZ")), 422, "deviceId");
        assertProblem(send("GET", "/api/devices?region=EAST", "supplier", null), 400, "region");
        assertThat(json(send("GET", "/api/devices", "supplier", null)).path("total").asLong()).isZero();
    }

    @Test
    void refusesAPreNotificationFromAUserWithoutADccUserRole() throws Exception {
        assertProblem(send("POST", "/api/devices", "analyst", B3_BRIDGE), 403, null);
    }

    @Test
    void registersAndListsKnownFirmwareImages() throws Exception {
        String image = """
                {"manufacturer": "Bridges Ltd", "model": "P2P-B3", "version": "1.2.0",
                 "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "applicableDeviceTypes": ["PPMID"]}""";
        assertProblem(send("POST", "/api/firmware-images", "supplier", image), 403, null);
        var created = send("POST", "/api/firmware-images", "operator", image);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("registeredBy").asText()).isEqualTo("dcc-operations");
        assertProblem(send("POST", "/api/firmware-images", "operator", image), 409, "sha256");
        assertProblem(send("POST", "/api/firmware-images", "operator", image.replace("9f86", "zz86")), 422, "sha256");
        assertThat(json(send("GET", "/api/firmware-images", "supplier", null))).hasSize(1);
    }

    @Test
    void reportsHealthAndPlugins() throws Exception {
        assertThat(json(send("GET", "/api/health", "analyst", null)).toString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(json(send("GET", "/api/health", null, null)).toString()).isEqualTo("{\"status\":\"UP\"}");
        var health = json(send("GET", "/api/health", "operator", null));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("database").asText()).startsWith(testDatabase.isPostgresql() ? "PostgreSQL" : "HSQL Database Engine");
        assertThat(health.path("versions").path("spi").asText()).isEqualTo(org.secflow.spi.SpiVersion.CURRENT);
        assertThat(health.path("rules").path("version").asText()).isEqualTo(platform.rules().current().version());
        assertThat(send("GET", "/api/plugins", "operator", null).statusCode()).isEqualTo(200);
        assertProblem(send("GET", "/api/plugins", "analyst", null), 403, null);
        assertProblem(send("GET", "/api/nothing-here", "analyst", null), 404, null);
    }
}
