package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.inventory.EstateLoader;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedCommsHub;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.Region;

/**
 * What a hostile or careless client sent and the server answered 500 (or wrongly) before: each request below now
 * gets a 4xx problem+json naming the field, bounded in size, and nothing is stored. Real HTTP, real HSQLDB.
 */
class HostileInputApiTest {
    private static final String ESME = DeviceId.of(0x0A00000000000102L).value();

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        try (var bpmn = java.nio.file.Files.list(Path.of(System.getProperty("secflow.bpmn", "../../bpmn")))) {
            for (Path f : bpmn.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName())); // TestServer deploys the BPMN of dir
            }
        }
        server = TestServer.start(dir, TestServer.copyOfRules(dir), List.of(
                new SecflowConfig.UserEntry("a", "supplier-a-1", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                new SecflowConfig.UserEntry("operator", "operator", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
                new SecflowConfig.UserEntry("finance", "finance", "DCC finance", "DCC", List.of(), List.of(PlatformRole.FINANCE)),
                new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        try (EstateLoader loader = new EstateLoader(server.platform().database().jdbi(), Clock.systemUTC())) {
            loader.accept(new EmulatedPremises("1200000000001", null, Region.NORTH, "SUPPLIER-A", null,
                    new EmulatedCommsHub(new EmulatedDevice(DeviceId.of(0x0A00000000000101L), DeviceType.CHF, null, "M", "CH", "1", false, false), null, "1.1", "2.0"),
                    List.of(new EmulatedDevice(new DeviceId(ESME), DeviceType.ESME, null, "M", "E1", "1.0", false, false))));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, path, token, body);
    }

    private HttpResponse<String> sendTyped(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).header("Authorization", "Bearer finance").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("org.secflow", "com.fasterxml", "java.", "\tat ");
    }

    private long parties() {
        return server.platform().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credit_party").mapTo(Long.class).one());
    }

    @Test
    void refusesABodyInAnotherCharsetWith415() throws Exception {
        var r = sendTyped("/api/credit-cover/parties", "application/json; charset=ebcdic",
                "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": 1, \"creditAssessmentScore\": 1}");
        assertProblem(r, 415);
        assertThat(json(r).path("field").asText()).isEqualTo("Content-Type");
        assertThat(sendTyped("/api/credit-cover/parties", "application/json; charset=UTF-8",
                "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": 1, \"creditAssessmentScore\": 1}").statusCode()).isEqualTo(201);
    }

    @Test
    void refusesMoneyAboveATrillionPoundsNamingTheField() throws Exception {
        for (String amount : List.of("9.2e18", "1e20", "1e40", "1000000000000.01")) {
            var r = send("POST", "/api/credit-cover/parties", "finance",
                    "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": " + amount + ", \"creditAssessmentScore\": 1}");
            assertProblem(r, 422);
            assertThat(json(r).path("field").asText()).isEqualTo("maximumCreditValue");
        }
        assertThat(parties()).isZero();
        assertThat(send("POST", "/api/credit-cover/parties", "finance",
                "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": 1000000000000.00, \"creditAssessmentScore\": 1}").statusCode())
                .isEqualTo(201);
        for (String path : List.of("/api/credit-cover/parties/P/invoices", "/api/credit-cover/parties/P/estimates",
                "/api/credit-cover/parties/P/credit-support")) {
            String body = path.endsWith("invoices")
                    ? "{\"invoiceId\": \"I\", \"issuedOn\": \"2025-05-01\", \"dueOn\": \"2025-05-29\", \"amountIncVat\": 1e20}"
                    : path.endsWith("estimates") ? "{\"estimatedOn\": \"2025-06-01\", \"amount\": 9.2e18}"
                    : "{\"instrumentId\": \"CD-1\", \"type\": \"CASH_DEPOSIT\", \"amount\": 1e40}";
            assertProblem(send("POST", path, "finance", body), 422);
        }
    }

    @Test
    void refusesAPageBeyondRange() throws Exception {
        var r = send("GET", "/api/devices?page=2147483647", "operator", null);
        assertProblem(r, 422);
        assertThat(json(r).path("field").asText()).isEqualTo("page");
        assertThat(send("GET", "/api/devices?page=1000000", "operator", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnOverLongStringWithoutEchoingItWhole() throws Exception {
        String huge = "D".repeat(900_000);
        var r = send("POST", "/api/service-requests", "a", "{\"srv\": \"8.2\", \"deviceId\": \"" + huge + "\"}");
        assertThat(r.statusCode()).as("status").isBetween(400, 499);
        assertThat(r.body().length()).isLessThan(5_000);
        var proposer = send("POST", "/api/modifications", "admin", "{\"reference\": \"MP900\", \"title\": \"T\", \"proposer\": \""
                + "p".repeat(5_000) + "\", \"raisedOn\": \"2025-01-06\"}");
        assertProblem(proposer, 422);
        assertThat(json(proposer).path("field").asText()).isEqualTo("proposer");
    }

    @Test
    void refusesABooleanWhereTextIsExpected() throws Exception {
        var r = send("PATCH", "/api/devices/" + ESME, "operator", "{\"firmwareVersion\": false}");
        assertProblem(r, 400);
        assertThat(json(r).path("field").asText()).isEqualTo("firmwareVersion");
        assertThat(json(send("GET", "/api/devices/" + ESME, "operator", null)).path("firmwareVersion").asText()).isEqualTo("1.0");
    }

    @Test
    void answersAnOversizedBodyWith413AndAWrongMethodWith405AsProblems() throws Exception {
        var big = send("POST", "/api/credit-cover/parties", "finance", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}");
        assertProblem(big, 413);
        var wrong = send("DELETE", "/api/credit-cover/parties", "finance", null);
        assertProblem(wrong, 405);
    }

    @Test
    void listsModificationsWithoutAStage() throws Exception {
        assertThat(send("GET", "/api/modifications", "admin", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAScheduleWithoutWindowsInsteadOfWipingTheMonth() throws Exception {
        var r = send("POST", "/api/maintenance/schedules", "operator", "{\"month\": \"2026-03\", \"publishedOn\": \"2026-01-05\", \"windows\": []}");
        assertProblem(r, 422);
        assertThat(json(r).path("field").asText()).isEqualTo("windows");
    }

    @Test
    void registersIdenticalImagesSentAtOnceOnceAndAnswersTheRest409() throws Exception {
        String body = "{\"manufacturer\": \"M\", \"model\": \"E1\", \"version\": \"9.9\", \"sha256\": \"" + "ab".repeat(32)
                + "\", \"applicableDeviceTypes\": [\"ESME\"]}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> send("POST", "/api/firmware-images", "operator", body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createsACampaignNamingManyDevicesAndRefusesTooManyOrAHugeName() throws Exception {
        String sha = "cd".repeat(32);
        assertThat(send("POST", "/api/firmware-images", "operator", "{\"manufacturer\": \"M\", \"model\": \"E1\", \"version\": \"9.8\", \"sha256\": \""
                + sha + "\", \"applicableDeviceTypes\": [\"ESME\"]}").statusCode()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add("\"" + DeviceId.of(0x0B00000000000000L + i).value() + "\"");
        }
        var many = send("POST", "/api/campaigns", "a", "{\"name\": \"many\", \"imageSha256\": \"" + sha
                + "\", \"selection\": {\"deviceIds\": [" + String.join(",", ids) + "]}}");
        assertThat(many.statusCode()).as(many.body()).isEqualTo(201);

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add("\"" + DeviceId.of(0x0C00000000000000L + i).value() + "\"");
        }
        var refused = send("POST", "/api/campaigns", "a", "{\"name\": \"too many\", \"imageSha256\": \"" + sha
                + "\", \"selection\": {\"deviceIds\": [" + String.join(",", tooMany) + "]}}");
        assertProblem(refused, 422);
        assertThat(json(refused).path("field").asText()).isEqualTo("selection.deviceIds");

        var huge = send("POST", "/api/campaigns", "a", "{\"name\": \"" + "n".repeat(100_000) + "\", \"imageSha256\": \"" + sha + "\"}");
        assertThat(huge.statusCode()).isBetween(400, 499);
        assertThat(huge.body().length()).isLessThan(5_000);
    }
}
