package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.server.config.SecflowConfig;

/**
 * Who records which modification event, over real HTTP on the real {@code bpmn/modification-lifecycle.bpmn}: any SEC
 * Party User raises a Draft Proposal (SEC Section D); each event is recorded only by the groups its BPMN message event
 * names in {@code secflow.recordedBy} (SECAS everything, the Panel the conversion and path, the Change Board its
 * vote, the Authority its decision); anyone else gets 403 problem+json naming the rule. Dates outside 2013-01-01 ..
 * today + 5 years get 422.
 */
class ModificationRecordersApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SecflowConfig.UserEntry> USERS = List.of(
            new SecflowConfig.UserEntry("secas-token", "secas", "SECAS", "SECAS", List.of(), List.of(), List.of("secas")),
            new SecflowConfig.UserEntry("panel-token", "panel", "Panel member", "SEC-PANEL", List.of(), List.of(), List.of("panel")),
            new SecflowConfig.UserEntry("cb-token", "cb", "Change Board member", "SEC-PANEL", List.of(), List.of(), List.of("change-board")),
            new SecflowConfig.UserEntry("supplier-token", "90-B3-D5-1F-30-01-00-0A", "Supplier A", "SUPPLIER-A",
                    List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
            new SecflowConfig.UserEntry("network-token", "90-B3-D5-1F-30-02-00-01", "Network operator", "DNO-NORTH",
                    List.of(DccUserRole.ED), List.of()));
    private static final Path REAL_BPMN = Path.of(System.getProperty("secflow.rules", "../../rules")).resolveSibling("bpmn")
            .resolve("modification-lifecycle.bpmn");

    @TempDir
    Path dir;

    private TestServer start() throws Exception {
        Files.copy(REAL_BPMN, dir.resolve("modification-lifecycle.bpmn"));
        return TestServer.start(dir, TestServer.copyOfRules(dir), USERS);
    }

    private static String event(String type, String date, String more) {
        return "{\"type\":\"" + type + "\",\"date\":\"" + date + "\"" + (more == null ? "" : "," + more) + "}";
    }

    private static HttpResponse<String> post(TestServer server, String token, String body) throws Exception {
        return server.send("POST", "/api/modifications/DP139/events", token, body);
    }

    private static void assertForbidden(HttpResponse<String> r, String... ruleNames) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("rule").asText()).contains("secflow.recordedBy").contains(ruleNames);
        assertThat(r.body()).doesNotContain("org.secflow", "Exception");
    }

    @Test
    void aSupplierRaisesADraftProposalButRecordsNoLifecycleEventAndNothingChanges() throws Exception {
        try (TestServer server = start()) {
            HttpResponse<String> raised = server.send("POST", "/api/modifications", "supplier-token",
                    "{\"reference\":\"DP139\",\"title\":\"MVP and IVP dates for CHTS\",\"proposer\":\"Supplier A\",\"raisedOn\":\"2020-08-18\"}");
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);

            assertForbidden(post(server, "supplier-token", event("PRESENTED_TO_CSC", "2020-08-28", null)), "[csc, secas]");
            assertForbidden(post(server, "supplier-token", event("CHANGE_BOARD_VOTE", "2021-01-20", "\"outcome\":\"APPROVED\"")),
                    "change-board", "secas");
            assertForbidden(post(server, "network-token", event("WITHDRAWN", "2020-09-01", null)), "[secas]", "dpWithdrawn");

            JsonNode view = JSON.readTree(server.send("GET", "/api/modifications/DP139", "network-token", null).body());
            assertThat(view.get("stage").asText()).isEqualTo("DRAFT_PROPOSAL");
            assertThat(view.get("history")).hasSize(1);
        }
    }

    @Test
    void thePanelConvertsAndSetsThePathTheChangeBoardVotesAndSecasRecordsEverything() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token",
                    "{\"reference\":\"DP139\",\"title\":\"MVP and IVP dates for CHTS\",\"proposer\":\"DCC\",\"raisedOn\":\"2020-08-18\"}");
            assertThat(post(server, "secas-token", event("PRESENTED_TO_CSC", "2020-08-28", "\"body\":\"CSC\"")).statusCode()).isEqualTo(200);

            HttpResponse<String> converted = post(server, "panel-token", event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11",
                    "\"path\":\"SELF_GOVERNANCE\",\"body\":\"Panel\""));
            assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
            assertThat(JSON.readTree(converted.body()).get("path").asText()).isEqualTo("SELF_GOVERNANCE");
            assertForbidden(post(server, "panel-token", event("REFINEMENT_CONSULTATION", "2020-10-19", "\"endDate\":\"2020-10-30\"")), "[secas]");
            assertThat(post(server, "secas-token", event("REFINEMENT_CONSULTATION", "2020-10-19", "\"endDate\":\"2020-10-30\"")).statusCode())
                    .isEqualTo(200);
            assertThat(post(server, "panel-token", event("MODIFICATION_REPORT_APPROVED", "2020-12-11", "\"body\":\"Panel\"")).statusCode())
                    .isEqualTo(200);
            assertForbidden(post(server, "panel-token", event("CHANGE_BOARD_VOTE", "2021-01-20", "\"outcome\":\"APPROVED\"")), "change-board");

            HttpResponse<String> voted = post(server, "cb-token", event("CHANGE_BOARD_VOTE", "2021-01-20", "\"outcome\":\"APPROVED\""));
            assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
            assertThat(JSON.readTree(voted.body()).get("stage").asText()).isEqualTo("APPEAL_WINDOW");
            assertForbidden(post(server, "cb-token", event("IMPLEMENTED", "2021-01-21", "\"release\":\"Ad hoc SEC Release\"")), "[secas]");
            HttpResponse<String> implemented = post(server, "secas-token", event("IMPLEMENTED", "2021-01-21", "\"release\":\"Ad hoc SEC Release\""));
            assertThat(implemented.statusCode()).as(implemented.body()).isEqualTo(200);
            assertThat(JSON.readTree(implemented.body()).get("history")).extracting(h -> h.get("recordedBy").asText())
                    .containsExactly("secas", "secas", "panel", "secas", "panel", "cb", "secas");
        }
    }

    @Test
    void datesOutsideTheSaneRangeAreRefusedWith422AndDoNotBlockLaterEvents() throws Exception {
        try (TestServer server = start()) {
            HttpResponse<String> ancient = server.send("POST", "/api/modifications", "secas-token",
                    "{\"reference\":\"DP139\",\"title\":\"t\",\"proposer\":\"p\",\"raisedOn\":\"2012-12-31\"}");
            assertThat(ancient.statusCode()).as(ancient.body()).isEqualTo(422);
            assertThat(JSON.readTree(ancient.body()).get("field").asText()).isEqualTo("raisedOn");
            server.send("POST", "/api/modifications", "secas-token",
                    "{\"reference\":\"DP139\",\"title\":\"t\",\"proposer\":\"p\",\"raisedOn\":\"2020-08-18\"}");

            HttpResponse<String> farFuture = post(server, "secas-token", event("PRESENTED_TO_CSC", "+999999999-12-31", null));
            HttpResponse<String> sixYears = post(server, "secas-token", event("PRESENTED_TO_CSC", LocalDate.now().plusYears(6).toString(), null));
            HttpResponse<String> endDate = post(server, "secas-token", event("PRESENTED_TO_CSC", "2020-08-28",
                    "\"endDate\":\"" + LocalDate.now().plusYears(6) + "\""));

            assertThat(farFuture.statusCode()).as(farFuture.body()).isIn(400, 422);
            assertThat(sixYears.statusCode()).as(sixYears.body()).isEqualTo(422);
            assertThat(JSON.readTree(sixYears.body()).get("field").asText()).isEqualTo("date");
            assertThat(JSON.readTree(sixYears.body()).get("rule").asText()).contains("2013-01-01", "5 years");
            assertThat(endDate.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(endDate.body()).get("field").asText()).isEqualTo("endDate");
            assertThat(post(server, "secas-token", event("PRESENTED_TO_CSC", "2020-08-28", null)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theListWithoutAStageAnswersEveryModification() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "supplier-token",
                    "{\"reference\":\"DP139\",\"title\":\"t\",\"proposer\":\"p\",\"raisedOn\":\"2020-08-18\"}");

            HttpResponse<String> all = server.send("GET", "/api/modifications", "network-token", null);

            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            assertThat(JSON.readTree(all.body())).extracting(m -> m.get("reference").asText()).containsExactly("DP139");
        }
    }
}
