package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;

/**
 * The modification Events API, tasks and a designer's change over real HTTP (Events API; the timelines replayed over HTTP
 * with the replay command; a designer's change), on the real {@code bpmn/modification-lifecycle.bpmn}.
 */
class ModificationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SecflowConfig.UserEntry> USERS = List.of(
            new SecflowConfig.UserEntry("secas-token", "secas", "SECAS", "SECAS", List.of(), List.of(), List.of("secas", "csc", "panel")),
            new SecflowConfig.UserEntry("panel-token", "panel", "Panel member", "SEC-PANEL", List.of(), List.of(), List.of("panel")),
            new SecflowConfig.UserEntry("dcc-token", "dcc", "DCC assessments", "DCC", List.of(), List.of(), List.of("dcc")),
            new SecflowConfig.UserEntry("authority-token", "ofgem", "Authority", "OFGEM", List.of(), List.of(), List.of("authority")),
            new SecflowConfig.UserEntry("designer-token", "designer", "Designer", "SECAS", List.of(), List.of(PlatformRole.DESIGNER)));
    private static final Path REAL_BPMN = Path.of(System.getProperty("secflow.rules", "../../rules")).resolveSibling("bpmn")
            .resolve("modification-lifecycle.bpmn");

    @TempDir
    Path dir;

    private TestServer start() throws Exception {
        Files.copy(REAL_BPMN, dir.resolve("modification-lifecycle.bpmn"));
        return TestServer.start(dir, TestServer.copyOfRules(dir), USERS);
    }

    private static String create(String reference) {
        return "{\"reference\":\"" + reference + "\",\"title\":\"MVP and IVP dates for CHTS\",\"proposer\":\"DCC\",\"raisedOn\":\"2020-08-18\"}";
    }

    @Test
    void aChangeBoardVoteBeforeAnyModificationReportIsRefusedWith409NamingTheStageAndTheAllowedEvents() throws Exception {
        try (TestServer server = start()) {
            assertThat(server.send("POST", "/api/modifications", "secas-token", create("DP139")).statusCode()).isEqualTo(201);

            HttpResponse<String> refused = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"CHANGE_BOARD_VOTE\",\"date\":\"2021-01-20\",\"outcome\":\"APPROVED\"}");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("stage").asText()).isEqualTo("DRAFT_PROPOSAL");
            assertThat(problem.get("allowedEvents")).extracting(JsonNode::asText)
                    .contains("CONVERTED_TO_MODIFICATION_PROPOSAL", "PRESENTED_TO_CSC", "WITHDRAWN").doesNotContain("CHANGE_BOARD_VOTE");
            assertThat(problem.get("detail").asText()).contains("CHANGE_BOARD_VOTE", "DRAFT_PROPOSAL");
            JsonNode view = JSON.readTree(server.send("GET", "/api/modifications/DP139", "panel-token", null).body());
            assertThat(view.get("history")).hasSize(1);
        }
    }

    @Test
    void anEventDatedBeforeTheLastOneIsRefusedWith409AndBadFieldsWith422Or400() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP139"));

            HttpResponse<String> early = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"PRESENTED_TO_CSC\",\"date\":\"2020-08-01\"}");
            HttpResponse<String> noPath = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2020-09-11\"}");
            HttpResponse<String> unknownField = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"PRESENTED_TO_CSC\",\"date\":\"2020-09-11\",\"colour\":\"red\"}");
            HttpResponse<String> unknownType = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"PARTY\",\"date\":\"2020-09-11\"}");
            HttpResponse<String> unknownModification = server.send("GET", "/api/modifications/MP999", "secas-token", null);

            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(early.body()).get("field").asText()).isEqualTo("date");
            assertThat(noPath.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(noPath.body()).get("field").asText()).isEqualTo("path");
            assertThat(unknownField.statusCode()).isEqualTo(400);
            assertThat(unknownType.statusCode()).isEqualTo(400);
            assertThat(unknownModification.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aConvertedDraftProposalIsFoundUnderBothReferencesAndListedByStage() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP139"));
            HttpResponse<String> converted = server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2020-09-11\",\"path\":\"SELF_GOVERNANCE\",\"body\":\"Panel\"}");

            assertThat(converted.statusCode()).isEqualTo(200);
            JsonNode byMp = JSON.readTree(server.send("GET", "/api/modifications/MP139", "panel-token", null).body());
            assertThat(byMp.get("reference").asText()).isEqualTo("DP139");
            assertThat(byMp.get("stage").asText()).isEqualTo("REFINEMENT");
            assertThat(byMp.get("path").asText()).isEqualTo("SELF_GOVERNANCE");
            assertThat(byMp.get("history")).extracting(h -> h.get("type").asText() + " " + h.get("date").asText())
                    .containsExactly("DRAFT_PROPOSAL_RAISED 2020-08-18", "CONVERTED_TO_MODIFICATION_PROPOSAL 2020-09-11");
            assertThat(byMp.get("openTasks")).extracting(t -> t.get("taskKey").asText()).contains("refinementWork");
            JsonNode inRefinement = JSON.readTree(server.send("GET", "/api/modifications?stage=REFINEMENT", "panel-token", null).body());
            assertThat(inRefinement).extracting(m -> m.get("reference").asText()).containsExactly("DP139");
            assertThat(JSON.readTree(server.send("GET", "/api/modifications?stage=REPORT_PHASE", "panel-token", null).body())).isEmpty();
        }
    }

    @Test
    void onlyAMemberOfACandidateGroupSeesAndCompletesATaskAndCompletingItPostsItsEvent() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP139"));
            server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2020-09-11\",\"path\":\"SELF_GOVERNANCE\"}");
            server.send("POST", "/api/modifications/DP139/events", "secas-token",
                    "{\"type\":\"PRELIMINARY_ASSESSMENT_REQUESTED\",\"date\":\"2020-09-14\"}");
            JsonNode dccTasks = JSON.readTree(server.send("GET", "/api/tasks", "dcc-token", null).body());
            assertThat(dccTasks).extracting(t -> t.get("taskKey").asText()).containsExactly("preliminaryAssessment");
            String id = dccTasks.get(0).get("id").asText();
            assertThat(dccTasks.get(0).get("completesWith").asText()).isEqualTo("PRELIMINARY_ASSESSMENT_RETURNED");
            assertThat(JSON.readTree(server.send("GET", "/api/tasks", "panel-token", null).body()))
                    .extracting(t -> t.get("taskKey").asText()).doesNotContain("preliminaryAssessment");

            HttpResponse<String> forbidden = server.send("POST", "/api/tasks/" + id + "/complete", "panel-token", "{\"date\":\"2020-10-01\"}");
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

            HttpResponse<String> done = server.send("POST", "/api/tasks/" + id + "/complete", "dcc-token", "{\"date\":\"2020-10-01\"}");
            assertThat(done.statusCode()).isEqualTo(200);
            JsonNode view = JSON.readTree(done.body());
            assertThat(view.get("history").get(view.get("history").size() - 1).get("type").asText()).isEqualTo("PRELIMINARY_ASSESSMENT_RETURNED");
            assertThat(view.get("allowedEvents")).extracting(JsonNode::asText).contains("PRELIMINARY_ASSESSMENT_REQUESTED");
        }
    }

    @Test
    void aDesignersSecondCscReviewDeployedWithoutARestartIsFollowedByNewModificationsWhileRunningOnesFinishOnTheirVersion() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP001"));
            Path file = dir.resolve("modification-lifecycle.bpmn");
            Files.writeString(file, withSecondCscReview(Files.readString(file)));

            HttpResponse<String> reloaded = server.send("POST", "/api/processes/reload", "designer-token", null);
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reloaded.body()).get("deployed")).extracting(JsonNode::asText).containsExactly("modification-lifecycle.bpmn");

            server.send("POST", "/api/modifications", "secas-token", create("DP002"));
            String convert = "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2020-09-11\",\"path\":\"SELF_GOVERNANCE\"}";
            JsonNode v1 = JSON.readTree(server.send("POST", "/api/modifications/DP001/events", "secas-token", convert).body());
            JsonNode v2 = JSON.readTree(server.send("POST", "/api/modifications/DP002/events", "secas-token", convert).body());

            assertThat(v1.get("processDefinitionVersion").asInt()).isEqualTo(1);
            assertThat(v1.get("stage").asText()).isEqualTo("REFINEMENT");
            assertThat(v2.get("processDefinitionVersion").asInt()).isEqualTo(2);
            assertThat(v2.get("openTasks")).extracting(t -> t.get("name").asText()).containsExactly("Second CSC review");
            String review = v2.get("openTasks").get(0).get("id").asText();

            assertThat(server.send("POST", "/api/tasks/" + review + "/complete", "dcc-token", "{\"date\":\"2020-09-20\"}").statusCode()).isEqualTo(403);
            JsonNode reviewed = JSON.readTree(server.send("POST", "/api/tasks/" + review + "/complete", "secas-token", "{\"date\":\"2020-09-20\"}").body());
            assertThat(reviewed.get("stage").asText()).isEqualTo("REFINEMENT");
            assertThat(reviewed.get("history").get(2).get("type").asText()).isEqualTo("TASK_COMPLETED");
            assertThat(reviewed.get("history").get(2).get("body").asText()).isEqualTo("Second CSC review");
        }
    }

    @Test
    void aSelfGovernanceApprovalGetsItsTargetReleaseOpensTheReferralWindowAndAnOverturnedReferralBacksTheImplementationOut() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP139"));
            for (String event : List.of(
                    "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2020-09-11\",\"path\":\"SELF_GOVERNANCE\"}",
                    "{\"type\":\"MODIFICATION_REPORT_APPROVED\",\"date\":\"2020-12-11\",\"body\":\"Panel\"}",
                    "{\"type\":\"MODIFICATION_REPORT_CONSULTATION\",\"date\":\"2020-12-14\",\"endDate\":\"2021-01-08\"}")) {
                assertThat(server.send("POST", "/api/modifications/DP139/events", "secas-token", event).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> vote = server.send("POST", "/api/modifications/MP139/events", "secas-token",
                    "{\"type\":\"CHANGE_BOARD_VOTE\",\"date\":\"2021-01-20\",\"outcome\":\"APPROVED\"}");

            JsonNode view = JSON.readTree(vote.body());
            assertThat(vote.statusCode()).isEqualTo(200);
            assertThat(view.get("stage").asText()).isEqualTo("APPEAL_WINDOW");
            // 10 Working Days after Wednesday 20 January 2021 (the default window: SEC Panel paper, December 2020, MP139 section 6)
            assertThat(view.get("appealWindowEnd").asText()).isEqualTo("2021-02-03");
            assertThat(view.get("targetRelease").asText()).isNotBlank();
            JsonNode asked = JSON.readTree(server.send("GET", "/api/modifications/DP139/target-release?decisionDate=2021-01-20",
                    "panel-token", null).body());
            assertThat(asked.get("targetRelease").asText()).isEqualTo(view.get("targetRelease").asText());
            // SEC Panel paper, December 2020, MP139 section 6: implemented one Working Day after the vote, inside the
            // referral window, "If the decision was subsequently referred and overturned, the changes would be backed out"
            HttpResponse<String> early = server.send("POST", "/api/modifications/MP139/events", "secas-token",
                    "{\"type\":\"IMPLEMENTED\",\"date\":\"2021-01-21\",\"release\":\"Ad hoc SEC Release\"}");
            assertThat(early.statusCode()).as(early.body()).isEqualTo(200);
            assertThat(JSON.readTree(early.body()).get("stage").asText()).isEqualTo("IMPLEMENTED");
            assertThat(JSON.readTree(early.body()).get("subjectToReferralUntil").asText()).isEqualTo("2021-02-03");
            assertThat(server.send("POST", "/api/modifications/MP139/events", "authority-token",
                    "{\"type\":\"REFERRED_TO_AUTHORITY\",\"date\":\"2021-02-03\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> overturned = server.send("POST", "/api/modifications/MP139/events", "authority-token",
                    "{\"type\":\"AUTHORITY_DECISION\",\"date\":\"2021-03-01\",\"outcome\":\"REJECTED\"}");
            JsonNode backedOut = JSON.readTree(overturned.body());
            assertThat(overturned.statusCode()).as(overturned.body()).isEqualTo(200);
            assertThat(backedOut.get("stage").asText()).isEqualTo("BACKED_OUT");
            assertThat(backedOut.get("status").asText()).isEqualTo("CLOSED");
            assertThat(backedOut.get("history").get(backedOut.get("history").size() - 1).get("stageAfter").asText()).isEqualTo("BACKED_OUT");
        }
    }

    private static final List<String> TO_REPORT_PHASE = List.of(
            "{\"type\":\"CONVERTED_TO_MODIFICATION_PROPOSAL\",\"date\":\"2021-07-27\",\"path\":\"SELF_GOVERNANCE\"}",
            "{\"type\":\"MODIFICATION_REPORT_APPROVED\",\"date\":\"2022-05-10\",\"body\":\"Panel\"}");

    private static String create(String reference, String scope) {
        return "{\"reference\":\"" + reference + "\",\"title\":\"t\",\"proposer\":\"p\",\"raisedOn\":\"2021-06-16\""
                + (scope == null ? "" : ",\"scope\":" + scope) + "}";
    }

    private static JsonNode decide(TestServer server, String reference, String date) throws Exception {
        for (String event : TO_REPORT_PHASE) {
            assertThat(server.send("POST", "/api/modifications/" + reference + "/events", "secas-token", event).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> vote = server.send("POST", "/api/modifications/" + reference + "/events", "secas-token",
                "{\"type\":\"CHANGE_BOARD_VOTE\",\"date\":\"" + date + "\",\"outcome\":\"APPROVED\"}");
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        return JSON.readTree(vote.body());
    }

    @Test
    void aModificationRaisedWithADuisUpliftScopeTargetsOnlyReleasesWithADuisUplift() throws Exception {
        try (TestServer server = start()) {
            HttpResponse<String> created = server.send("POST", "/api/modifications", "secas-token",
                    create("DP170", "{\"duisUplift\":true}"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("scope").get("duisUplift").asBoolean()).isTrue();

            // MP170 draft Modification Report, section 6: "2 November 2023 (November 2023 SEC Release) if a
            // decision to approve is received on or before 2 May 2023; or 7 November 2024 (November 2024 SEC Release)
            // if ... after 2 May 2023 but on or before 6 May 2024"
            JsonNode byCutOff = JSON.readTree(server.send("GET", "/api/modifications/DP170/target-release?decisionDate=2023-05-02",
                    "panel-token", null).body());
            assertThat(byCutOff.get("targetRelease").asText()).isEqualTo("November 2023 SEC Release");
            assertThat(byCutOff.get("implementationDate").asText()).isEqualTo("2023-11-02");
            assertThat(byCutOff.get("scope").get("duisUplift").asBoolean()).isTrue();

            JsonNode decided = decide(server, "DP170", "2023-05-03");
            assertThat(decided.get("targetRelease").asText()).isEqualTo("November 2024 SEC Release");
            assertThat(decided.get("targetImplementationDate").asText()).isEqualTo("2024-11-07");
            JsonNode view = JSON.readTree(server.send("GET", "/api/modifications/MP170", "panel-token", null).body());
            assertThat(view.get("targetRelease").asText()).isEqualTo("November 2024 SEC Release");
            assertThat(view.get("scope").get("dccSystemChanges").asBoolean()).isTrue();
        }
    }

    @Test
    void anAdHocModificationGoesLiveItsWorkingDaysAfterTheDecisionAndNoScopeMeansDccSystemChanges() throws Exception {
        try (TestServer server = start()) {
            server.send("POST", "/api/modifications", "secas-token", create("DP139", "{\"adHocWorkingDays\":1}"));
            server.send("POST", "/api/modifications", "secas-token", create("DP140", null));

            // SEC Panel paper, December 2020, MP139 section 6: "One Working Day after decision"; Friday 27 May
            // 2022 + 1 Working Day is Monday 30 May 2022
            JsonNode decided = decide(server, "DP139", "2022-05-27");
            assertThat(decided.get("targetRelease").asText()).isEqualTo("Ad hoc SEC Release");
            assertThat(decided.get("targetImplementationDate").asText()).isEqualTo("2022-05-30");
            assertThat(decided.get("scope").get("adHocWorkingDays").asInt()).isEqualTo(1);

            JsonNode defaulted = JSON.readTree(server.send("GET", "/api/modifications/DP140", "panel-token", null).body());
            assertThat(defaulted.get("scope").get("dccSystemChanges").asBoolean()).isTrue();
            assertThat(defaulted.get("scope").get("duisUplift").asBoolean()).isFalse();
            assertThat(defaulted.get("scope").get("adHocWorkingDays").isNull()).isTrue();
        }
    }

    @Test
    void aBadScopeIsRefusedAndNothingIsCreated() throws Exception {
        try (TestServer server = start()) {
            HttpResponse<String> zero = server.send("POST", "/api/modifications", "secas-token", create("DP139", "{\"adHocWorkingDays\":0}"));
            HttpResponse<String> both = server.send("POST", "/api/modifications", "secas-token",
                    create("DP139", "{\"adHocWorkingDays\":1,\"duisUplift\":true}"));
            HttpResponse<String> unknown = server.send("POST", "/api/modifications", "secas-token", create("DP139", "{\"colour\":\"red\"}"));

            assertThat(zero.statusCode()).as(zero.body()).isEqualTo(422);
            assertThat(JSON.readTree(zero.body()).get("field").asText()).isEqualTo("scope");
            assertThat(both.statusCode()).as(both.body()).isEqualTo(422);
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
            assertThat(unknown.body()).contains("colour");
            assertThat(server.send("GET", "/api/modifications/DP139", "panel-token", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theReplayCommandDrivesTheRunningPlatformThroughAllNineSeedTimetablesWithNoRefusedEvent() throws Exception {
        Path examples = REAL_BPMN.getParent().resolveSibling("examples").resolve("modifications");
        List<Path> files;
        try (Stream<Path> s = Files.list(examples)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        try (TestServer server = start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int rc = new ModificationsCommand.Replayer(HttpClient.newHttpClient(), server.url(), "secas-token",
                    new PrintStream(out, true, StandardCharsets.UTF_8)).replayAll(files);

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(printed).isZero();
            assertThat(printed.lines().filter(l -> l.contains("final stage"))).hasSize(files.size()).allMatch(l -> l.contains("0 refused"));
            assertThat(printed).contains("DP170 (MP170): final stage REPORT_PHASE");
        }
    }

    @Test
    void serveDemoLoadsTheNineSeedTimetablesThroughTheServiceOnceEach() throws Exception {
        Path bpmn = Files.createDirectories(dir.resolve("repo").resolve("bpmn"));
        Files.copy(REAL_BPMN, bpmn.resolve("modification-lifecycle.bpmn"));
        Path examples = Files.createDirectories(dir.resolve("repo").resolve("examples").resolve("modifications"));
        try (Stream<Path> s = Files.list(REAL_BPMN.getParent().resolveSibling("examples").resolve("modifications"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(f, examples.resolve(f.getFileName()));
            }
        }
        try (TestServer server = TestServer.start(bpmn, TestServer.copyOfRules(dir), USERS)) {
            List<org.secflow.modification.ReplayResult> loaded = DemoModifications.load(server.platform());

            assertThat(loaded).hasSize(9).allMatch(org.secflow.modification.ReplayResult::ok);
            assertThat(DemoModifications.load(server.platform())).isEmpty();
            JsonNode reportPhase = JSON.readTree(server.send("GET", "/api/modifications?stage=REPORT_PHASE", "panel-token", null).body());
            assertThat(reportPhase).hasSize(8);
            HttpResponse<String> all = server.send("GET", "/api/modifications", "panel-token", null);
            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            assertThat(JSON.readTree(all.body())).hasSize(9);
            JsonNode mp139 = JSON.readTree(server.send("GET", "/api/modifications/MP139", "panel-token", null).body());
            assertThat(mp139.get("stage").asText()).isEqualTo("IMPLEMENTED");
            assertThat(mp139.get("subjectToReferralUntil").asText()).isEqualTo("2021-02-03");
            JsonNode mp162 = JSON.readTree(server.send("GET", "/api/modifications/MP162", "panel-token", null).body());
            assertThat(mp162.get("openConsultation").get("type").asText()).isEqualTo("MODIFICATION_REPORT_CONSULTATION");
        }
    }

    /** The designer's change: a second CSC review between the conversion and the path decision. */
    static String withSecondCscReview(String bpmn) {
        String changed = bpmn
                .replace("<bpmn:sequenceFlow id=\"f_dpConverted\" sourceRef=\"dpConverted\" targetRef=\"pathGateway\" />",
                        "<bpmn:sequenceFlow id=\"f_dpConverted\" sourceRef=\"dpConverted\" targetRef=\"secondCscReview\" />\n"
                                + "    <bpmn:userTask id=\"secondCscReview\" name=\"Second CSC review\" camunda:candidateGroups=\"csc\">"
                                + "<bpmn:incoming>f_dpConverted</bpmn:incoming><bpmn:outgoing>f_reviewed</bpmn:outgoing></bpmn:userTask>\n"
                                + "    <bpmn:sequenceFlow id=\"f_reviewed\" sourceRef=\"secondCscReview\" targetRef=\"pathGateway\" />")
                .replace("<bpmn:incoming>f_dpConverted</bpmn:incoming><bpmn:outgoing>f_toRefinement</bpmn:outgoing>",
                        "<bpmn:incoming>f_reviewed</bpmn:incoming><bpmn:outgoing>f_toRefinement</bpmn:outgoing>");
        assertThat(changed).contains("secondCscReview").isNotEqualTo(bpmn);
        return changed;
    }
}
