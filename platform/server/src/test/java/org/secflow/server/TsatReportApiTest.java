package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;

/**
 * {@code GET /api/reports/tsat?asOf=} over real HTTP (SEC Schedule 11 TSAT, the real rules/tsat.drl and rules/tsat.csv):
 * Communications Hubs in the SMI (real HSQLDB, production schema) of each CHTS / GBCS version pair, by status on
 * the day, as JSON and CSV; a Supplier sees the hubs of its own premises only; others are refused.
 */
class TsatReportApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SecflowConfig.UserEntry> USERS = List.of(
            new SecflowConfig.UserEntry("operator-token", "dcc-operations", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
            new SecflowConfig.UserEntry("supplier-token", "90-B3-D5-1F-30-01-00-0A", "Supplier A", "SUPPLIER-A",
                    List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
            new SecflowConfig.UserEntry("panel-token", "panel", "Panel", "SEC-PANEL", List.of(), List.of(), List.of("panel")));

    @TempDir
    Path dir;

    private TestServer start() throws Exception {
        TestServer server = TestServer.start(dir, TestServer.copyOfRules(dir), USERS);
        server.platform().database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO premises (premises_id, mpan, region, import_supplier) VALUES (9001, '1512345678901', 'NORTH', 'SUPPLIER-A')");
            h.execute("INSERT INTO premises (premises_id, mpan, region, import_supplier) VALUES (9002, '1212345678902', 'SOUTH', 'SUPPLIER-B')");
            hub(h, "0A-00-01-00-00-00-00-01", 9001, "NORTH", "1.1", "2.0");
            hub(h, "0A-00-01-00-00-00-00-02", 9001, "NORTH", "1.3", "3.2");
            hub(h, "0A-00-03-00-00-00-00-03", 9002, "SOUTH", "1.1", "2.1");
            hub(h, "0A-00-03-00-00-00-00-04", 9002, "SOUTH", "1.0", "1.1");
        });
        return server;
    }

    private static void hub(org.jdbi.v3.core.Handle h, String id, long premises, String region, String chts, String gbcs) {
        h.createUpdate("INSERT INTO comms_hub (device_id, premises_id, region, chts_version, gbcs_version) VALUES (:d, :p, :r, :c, :g)")
                .bind("d", id).bind("p", premises).bind("r", region).bind("c", chts).bind("g", gbcs).execute();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void listsHubsByStatusOnTheDayWithTheDatesMp139Extended() throws Exception {
        try (TestServer server = start()) {
            // 1 March 2022: CHTS 1.0 past its MVP (28/02/22), GBCS 2.0 past its Applicability Period (28/02/22),
            // CHTS 1.1 / GBCS 2.1 inside its MVP until 31/05/22 (SEC Panel paper, December 2020, MP139 section 3)
            JsonNode march = json(server.send("GET", "/api/reports/tsat?asOf=2022-03-01", "operator-token", null));

            assertThat(march.get("asOf").asText()).isEqualTo("2022-03-01");
            assertThat(march.get("hubsByStatus").get("WITHIN_MVP").asLong()).isEqualTo(2);
            assertThat(march.get("hubsByStatus").get("PAST_GBCS_APPLICABILITY").asLong()).isEqualTo(1);
            assertThat(march.get("hubsByStatus").get("PAST_MVP").asLong()).isEqualTo(1);
            assertThat(march.get("versions")).extracting(v -> v.get("chtsVersion").asText() + "/" + v.get("gbcsVersion").asText()
                    + " " + v.get("status").asText() + " " + v.get("ruleId").asText()).containsExactly(
                    "1.0/1.1 PAST_MVP TSAT-MVP", "1.1/2.0 PAST_GBCS_APPLICABILITY TSAT-GBCS-APPLICABILITY",
                    "1.1/2.1 WITHIN_MVP TSAT-VALID", "1.3/3.2 WITHIN_MVP TSAT-VALID");
            assertThat(march.get("hubs")).hasSize(4);

            JsonNode june = json(server.send("GET", "/api/reports/tsat?asOf=2022-06-01&status=PAST_MVP", "operator-token", null));
            assertThat(june.get("hubs")).extracting(h -> h.get("deviceId").asText())
                    .containsExactly("0A-00-03-00-00-00-00-03", "0A-00-03-00-00-00-00-04");
            assertThat(june.get("hubsByStatus").get("PAST_MVP").asLong()).isEqualTo(2);
        }
    }

    @Test
    void answersCsvWithEveryHubInView() throws Exception {
        try (TestServer server = start()) {
            HttpResponse<String> csv = server.send("GET", "/api/reports/tsat?asOf=2022-03-01&format=csv", "operator-token", null);

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines()).containsExactly("deviceId,region,chtsVersion,gbcsVersion,status,ruleId",
                    "0A-00-01-00-00-00-00-01,NORTH,1.1,2.0,PAST_GBCS_APPLICABILITY,TSAT-GBCS-APPLICABILITY",
                    "0A-00-01-00-00-00-00-02,NORTH,1.3,3.2,WITHIN_MVP,TSAT-VALID",
                    "0A-00-03-00-00-00-00-03,SOUTH,1.1,2.1,WITHIN_MVP,TSAT-VALID",
                    "0A-00-03-00-00-00-00-04,SOUTH,1.0,1.1,PAST_MVP,TSAT-MVP");
        }
    }

    @Test
    void aSupplierSeesOnlyTheHubsOfItsPremisesAndOthersAreRefused() throws Exception {
        try (TestServer server = start()) {
            JsonNode own = json(server.send("GET", "/api/reports/tsat?asOf=2022-03-01", "supplier-token", null));
            HttpResponse<String> panel = server.send("GET", "/api/reports/tsat?asOf=2022-03-01", "panel-token", null);
            HttpResponse<String> badDate = server.send("GET", "/api/reports/tsat?asOf=1st-of-March", "operator-token", null);

            assertThat(own.get("hubs")).extracting(h -> h.get("deviceId").asText())
                    .containsExactly("0A-00-01-00-00-00-00-01", "0A-00-01-00-00-00-00-02");
            assertThat(panel.statusCode()).isEqualTo(403);
            assertThat(panel.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(badDate.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badDate.body()).get("field").asText()).isEqualTo("asOf");
        }
    }
}
