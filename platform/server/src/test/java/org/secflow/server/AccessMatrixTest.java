package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiResponseValidator;
import org.secflow.server.http.ApiServer;
import org.secflow.server.http.Json;
import org.secflow.server.http.RoutePolicy;
import org.secflow.spi.Region;
import org.secflow.store.DatabaseSettings;

/**
 * The access model over real HTTP: every route the server registers x every demo User of the built-in configuration
 * and no token, each answer checked against {@code access/access-matrix.csv} (the specification). A thing of another
 * Party answers exactly as a missing one; lists leave foreign rows out; no answer names a Java type or a server path;
 * every answer conforms to the API's OpenAPI description ({@code GET /api/openapi.json}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    private static final String MISSING_DEVICE = "00-00-00-00-00-00-00-01";

    @TempDir
    static Path dir;

    private Platform platform;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> fixtures = new HashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Every answer of the matrix is checked against the API's own description. */
    private ApiResponseValidator described;

    @BeforeAll
    void start() throws Exception {
        Path plugins = BuiltPlugins.copyInto(dir);
        SecflowConfig demo = SecflowConfig.builtIn();
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 8),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator",
                        Map.of("device-emulator", Map.of("altHanShare", "0.2", "latencyMs", "2", "transferTimeMs", "2",
                                "activationTimeMs", "2"), "csp-north", Map.of("latencyMs", "2"),
                                "csp-central-south", Map.of("latencyMs", "2"))),
                null, demo.estate(), null, demo.users());
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins,
                Path.of(System.getProperty("secflow.rules", "../../rules")), Path.of(System.getProperty("secflow.bpmn", "../../bpmn"))));
        EstateCommand.generate(platform, 600, 7, false);
        app = ApiServer.create(platform).start(0);
        described = ApiResponseValidator.of("http://localhost:" + app.port());
        fixtures();
    }

    @AfterAll
    void stop() {
        app.stop();
        platform.close();
    }

    /** Supplier A's things, made through the API by the Users entitled to make them. */
    private void fixtures() throws Exception {
        var jdbi = platform.database().jdbi();
        Map<String, Object> device = jdbi.withHandle(h -> h.createQuery("""
                SELECT d.device_id, d.comms_hub_id FROM device d JOIN premises p ON p.premises_id = d.premises_id
                  JOIN comms_hub c ON c.device_id = d.comms_hub_id
                 WHERE d.device_type = 'ESME' AND p.import_supplier = 'SUPPLIER-A' AND c.region = 'SOUTH'
                   AND COALESCE(p.gas_supplier, '') <> 'SUPPLIER-B'
                 ORDER BY d.device_id""").mapToMap().first());
        fixtures.put("deviceA", (String) device.get("device_id"));
        fixtures.put("hubA", (String) device.get("comms_hub_id"));

        String model = jdbi.withHandle(h -> h.createQuery("""
                SELECT d.model FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND p.import_supplier = 'SUPPLIER-A'
                 GROUP BY d.model ORDER BY COUNT(*) DESC, d.model""").mapTo(String.class).first());
        String sha = "%064x".formatted(new java.math.BigInteger(1, ("matrix" + model).getBytes(StandardCharsets.UTF_8)));
        expect(send("POST", "/api/firmware-images", "demo-operator", """
                {"manufacturer": "M", "model": "%s", "version": "9.9.9", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(model, sha)), 201);
        fixtures.put("imageSha", sha);
        fixtures.put("campaignA", json(expect(send("POST", "/api/campaigns", "demo-supplier-a", campaignBody()), 201))
                .path("campaignId").asText());
        fixtures.put("requestA", json(expect(send("POST", "/api/service-requests", "demo-supplier-a",
                "{\"srv\": \"8.2\", \"deviceId\": \"" + fixtures.get("deviceA") + "\"}"), 202)).path("requestId").asText());
        expect(send("POST", "/api/credit-cover/parties", "demo-finance", """
                {"partyId": "SUPPLIER-A", "name": "Supplier A", "maximumCreditValue": 100000.00, "creditAssessmentScore": 85}"""), 201);
        fixtures.put("partyA", "SUPPLIER-A");
        fixtures.put("key", "firmware-campaign"); // a deployed process (console diagram)
        fixtures.put("file", "srv-applicability.drl.csv"); // a rule file (console rule file view)
        expect(send("POST", "/api/modifications", "demo-secas", modification("MP900")), 201);
        fixtures.put("reference", "MP900");
        JsonNode tasks = json(expect(send("GET", "/api/tasks", "demo-admin", null), 200));
        String task = null;
        for (JsonNode t : tasks) {
            if ("MP900".equals(t.path("reference").asText()) || "DP900".equals(t.path("reference").asText())) {
                task = t.path("id").asText();
            }
        }
        fixtures.put("task", task == null ? "no-open-task" : task);
    }

    private String campaignBody() {
        return """
                {"name": "matrix", "imageSha256": "%s", "selection": {"ppmids": true}, "waves": [100],
                 "deviceTimeoutMs": 4000}""".formatted(fixtures.get("imageSha"));
    }

    private static String modification(String reference) {
        return "{\"reference\": \"" + reference + "\", \"title\": \"Access matrix\", \"proposer\": \"SECAS\", \"raisedOn\": \"2026-01-05\"}";
    }

    /** The request body each route is called with; {@code {new...}} values are fresh for every call. */
    private String body(String method, String path) {
        int n = counter.incrementAndGet();
        String key = method + " " + path.replaceAll("\\?.*", "");
        return switch (key) {
            case "POST /api/devices" -> """
                    {"deviceId": "%s", "deviceType": "IHD", "manufacturer": "M", "model": "IHD-1", "firmwareVersion": "1.0",
                     "commsHubId": "%s"}""".formatted("%016X".formatted(0x0A00000000000000L + n).replaceAll("(..)(?!$)", "$1-"),
                    fixtures.get("hubA"));
            case "PATCH /api/devices/{deviceA}" -> "{\"batteryPowered\": false}";
            case "POST /api/firmware-images" -> """
                    {"manufacturer": "M", "model": "X", "version": "1.%d", "sha256": "%064x", "applicableDeviceTypes": ["PPMID"]}"""
                    .formatted(n, n);
            case "POST /api/service-requests" -> "{\"srv\": \"8.2\", \"deviceId\": \"" + fixtures.get("deviceA") + "\"}";
            case "POST /api/maintenance/schedules/validate", "POST /api/maintenance/schedules" -> """
                    {"month": "2027-03", "publishedOn": "2027-01-15", "windows": [{"id": "L1", "start": "2027-03-06T22:00",
                     "end": "2027-03-06T23:00", "impact": "LOW", "disrupts": ["SELF_SERVICE_INTERFACE"],
                     "consumerAffecting": false, "description": "maintenance"}]}""";
            case "POST /api/credit-cover/parties" -> """
                    {"partyId": "SUPPLIER-A", "name": "Supplier A", "maximumCreditValue": 100000.00, "creditAssessmentScore": 85}""";
            case "POST /api/credit-cover/parties/{partyA}/invoices" -> """
                    {"invoiceId": "INV-%d", "issuedOn": "2025-05-01", "dueOn": "2025-05-29", "amountIncVat": 300.00}""".formatted(n);
            case "POST /api/credit-cover/parties/{partyA}/credit-support" -> """
                    {"instrumentId": "CD-%d", "type": "CASH_DEPOSIT", "amount": 50.50}""".formatted(n);
            case "POST /api/credit-cover/parties/{partyA}/estimates" -> "{\"estimatedOn\": \"2025-06-01\", \"amount\": 150.50}";
            case "POST /api/credit-cover/assessments" -> "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"2025-06-02\"}";
            case "POST /api/modifications" -> modification("MP" + (1000 + n));
            case "POST /api/modifications/{reference}/events" -> "{\"type\": \"CHANGE_BOARD_VOTE\", \"date\": \"2026-02-01\", \"outcome\": \"APPROVED\"}";
            case "POST /api/campaigns" -> campaignBody();
            case "GET /api/modifications/{reference}/target-release" -> null;
            default -> null;
        };
    }

    private String resolve(String path, Map<String, String> values) {
        String p = path;
        for (var e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    /** A missing thing of the same kind, for the placeholder a path names. */
    private static Map<String, String> missing() {
        return Map.of("deviceA", MISSING_DEVICE, "campaignA", UUID.randomUUID().toString(), "requestA", UUID.randomUUID().toString(),
                "partyA", "SUPPLIER-Z", "reference", "MP999", "task", UUID.randomUUID().toString(), "hubA", MISSING_DEVICE);
    }

    @Test
    void everyRegisteredRouteAnswersEveryDemoUserAsTheMatrixSaysAndForeignThingsLikeMissingOnes() throws Exception {
        List<String[]> rows = matrix();
        String[] header = rows.remove(0);
        Set<String> specified = rows.stream().map(r -> r[0] + " " + r[1].replaceAll("\\?.*", "")).collect(Collectors.toSet());
        Set<String> registered = RoutePolicy.routes(app).stream().map(r -> r.method() + " " + r.path()
                .replace("{deviceId}", "{deviceA}").replace("{id}", routeId(r.path())).replace("{reference}", "{reference}"))
                .collect(Collectors.toSet());
        assertThat(specified).as("the matrix specifies exactly the routes the server registers").isEqualTo(registered);

        List<String> failures = new ArrayList<>();
        for (String[] row : rows) {
            for (int c = 2; c < header.length; c++) {
                String token = header[c].equals("anonymous") ? null : header[c];
                String expected = row[c];
                String path = resolve(row[1], fixtures);
                HttpResponse<String> r = send(row[0], path, token, body(row[0], row[1]));
                String cell = row[0] + " " + row[1] + " as " + header[c];
                failures.addAll(described.problems(row[0], path, r));
                if (!matches(expected, r.statusCode())) {
                    failures.add(cell + ": expected " + expected + ", got " + r.statusCode() + " " + truncate(r.body()));
                }
                if (r.statusCode() >= 500) {
                    failures.add(cell + ": server error " + r.body());
                }
                if (!(r.statusCode() == 200 && SERVES_FILES.contains(row[0] + " " + row[1]))) {
                    assertNoInternals(cell, r.body(), SEES_FOLDERS.contains(header[c]), failures);
                }
                if (r.statusCode() == 404 && token != null && row[1].contains("{")) {
                    HttpResponse<String> m = send(row[0], resolve(row[1], missing()), token, body(row[0], row[1]));
                    if (m.statusCode() != 404 || !withoutInstance(m.body()).equals(withoutInstance(r.body()))) {
                        failures.add(cell + ": a foreign thing answers " + r.body() + " but a missing one " + m.statusCode() + " " + m.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void listsLeaveOutWhatAnotherPartyOwnsAndOtherRolesSeeNoMpanMprnOrSupplier() throws Exception {
        JsonNode bDevices = json(expect(send("GET", "/api/devices?size=500", "demo-supplier-b", null), 200)).path("items");
        assertThat(bDevices.size()).isPositive();
        for (JsonNode d : bDevices) {
            String type = d.path("deviceType").asText();
            boolean importB = "SUPPLIER-B".equals(d.path("importSupplier").asText());
            boolean gasB = "SUPPLIER-B".equals(d.path("gasSupplier").asText());
            assertThat(type.equals("ESME") ? importB : type.equals("GSME") || type.equals("GPF") ? gasB : importB || gasB)
                    .as("Supplier B sees %s", d).isTrue();
        }
        JsonNode aDevices = json(expect(send("GET", "/api/devices?size=500&type=GSME", "demo-supplier-a", null), 200)).path("items");
        for (JsonNode d : aDevices) {
            assertThat(d.path("gasSupplier").asText()).as("a gas meter is seen by its Gas Supplier only").isEqualTo("SUPPLIER-A");
        }
        for (String token : List.of("demo-analyst", "demo-designer", "demo-finance", "demo-secas", "demo-panel")) {
            JsonNode all = json(expect(send("GET", "/api/devices?size=500", token, null), 200)).path("items");
            assertThat(all.size()).isPositive();
            for (JsonNode d : all) {
                for (String f : List.of("mpan", "mprn", "importSupplier", "gasSupplier")) {
                    assertThat(d.path(f).isNull() || d.path(f).isMissingNode()).as(token + " sees no " + f + " of " + d).isTrue();
                }
            }
            JsonNode one = json(expect(send("GET", "/api/devices/" + fixtures.get("deviceA"), token, null), 200));
            assertThat(one.path("mpan").isNull()).isTrue();
        }
        Set<String> northIds = org.secflow.registration.RegistrationRuleData.of(platform.rules().current()).distributorIdsOf("DNO-NORTH");
        assertThat(northIds).as("the demo network operator has a distribution area").isNotEmpty();
        JsonNode network = json(expect(send("GET", "/api/devices?size=500", "demo-network", null), 200)).path("items");
        assertThat(network.size()).as("an Electricity Distributor reads the devices of its area").isPositive();
        for (JsonNode d : network) {
            assertThat(d.path("deviceType").asText()).as("no gas device for an Electricity Distributor").isNotIn("GSME", "GPF");
            assertThat(northIds).as("%s lies in DNO-NORTH's area", d).contains(d.path("mpan").asText().substring(0, 2));
        }
        String inArea = network.get(0).path("deviceId").asText();
        expect(send("GET", "/api/devices/" + inArea, "demo-network", null), 200);
        expect(send("PATCH", "/api/devices/" + inArea, "demo-network", "{\"batteryPowered\": false}"), 403);

        JsonNode bCampaigns = json(expect(send("GET", "/api/campaigns", "demo-supplier-b", null), 200));
        assertThat(bCampaigns.findValuesAsText("campaignId")).doesNotContain(fixtures.get("campaignA"));
        for (String id : bCampaigns.findValuesAsText("campaignId")) {
            assertThat(json(expect(send("GET", "/api/campaigns/" + id, "demo-supplier-b", null), 200)).path("party").asText())
                    .isEqualTo("SUPPLIER-B");
        }
        JsonNode aCampaigns = json(expect(send("GET", "/api/campaigns", "demo-supplier-a", null), 200));
        assertThat(aCampaigns.findValuesAsText("campaignId")).contains(fixtures.get("campaignA"));
        JsonNode health = json(expect(send("GET", "/api/health", "demo-supplier-a", null), 200));
        assertThat(health.size()).as("a Supplier sees the status only: " + health).isEqualTo(1);
        JsonNode adminHealth = json(expect(send("GET", "/api/health", "demo-admin", null), 200));
        assertThat(adminHealth.has("versions")).isTrue();
        for (String token : List.of("demo-supplier-a", "demo-panel")) {
            assertThat(json(send("GET", "/api/rules", token, null)).has("directory")).isFalse();
            assertThat(json(send("GET", "/api/processes", token, null)).has("directory")).isFalse();
        }
    }

    @Test
    void aCampaignSelectsOnlyDevicesOfPremisesItsSupplierIsRegisteredFor() throws Exception {
        JsonNode devices = json(expect(send("GET", "/api/campaigns/" + fixtures.get("campaignA") + "/devices?size=1000",
                "demo-supplier-a", null), 200));
        List<String> ids = devices.findValuesAsText("deviceId");
        assertThat(ids).isNotEmpty();
        List<String> foreign = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.device_id FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND COALESCE(p.import_supplier, '') <> 'SUPPLIER-A'
                   AND COALESCE(p.gas_supplier, '') <> 'SUPPLIER-A'""").mapTo(String.class).list());
        assertThat(ids).doesNotContainAnyElementsOf(foreign);
    }

    private static String routeId(String path) {
        if (path.startsWith("/api/campaigns/")) {
            return "{campaignA}";
        }
        if (path.startsWith("/api/service-requests/")) {
            return "{requestA}";
        }
        if (path.startsWith("/api/credit-cover/parties/")) {
            return "{partyA}";
        }
        if (path.startsWith("/api/tasks/")) {
            return "{task}";
        }
        return "{id}";
    }

    private static boolean matches(String expected, int status) {
        if (expected.equals("ok")) {
            return status / 100 == 2 || status == 409 || status == 422;
        }
        return Integer.parseInt(expected) == status;
    }

    /**
     * Routes whose answer is a file the User may read (BPMN XML, rule source): their delegate expressions and fact
     * imports name the platform's packages by design; their errors are still checked.
     */
    private static final Set<String> SERVES_FILES = Set.of("GET /api/processes/{key}/diagram", "GET /api/rules/files/{file}");

    /** Users whose answers may name the platform's folders (health, rules and processes for operators, analysts, designers). */
    private static final Set<String> SEES_FOLDERS = Set.of("demo-operator", "demo-admin", "demo-analyst", "demo-designer");

    private static void assertNoInternals(String cell, String body, boolean foldersAllowed, List<String> failures) {
        List<String> leaks = foldersAllowed ? List.of("org.secflow", "com.fasterxml", "java.lang", "Exception", "\tat ")
                : List.of("org.secflow", "com.fasterxml", "java.lang", "Exception", "\tat ", "/tmp/", "/work/", "/root/");
        for (String leak : leaks) {
            if (body.contains(leak)) {
                failures.add(cell + ": the body names '" + leak + "': " + truncate(body));
            }
        }
    }

    private static String withoutInstance(String body) throws IOException {
        JsonNode n = Json.MAPPER.readTree(body);
        if (n instanceof ObjectNode o) {
            o.remove("instance");
        }
        return n.toString();
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static List<String[]> matrix() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = AccessMatrixTest.class.getResourceAsStream("/access/access-matrix.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.trim().split(","));
                }
            }
        }
        return rows;
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

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }
}
