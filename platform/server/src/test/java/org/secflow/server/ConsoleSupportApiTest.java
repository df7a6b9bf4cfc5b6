package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;

/**
 * The console's read-only views and the BPMN upload over real HTTP ({@code ConsoleSupportRoutes}); one server for
 * the class (each test uses its own process and file names, and restores what it changes).
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ConsoleSupportApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SecflowConfig.UserEntry> USERS = List.of(
            new SecflowConfig.UserEntry("designer-token", "designer", "Designer", "SECAS", List.of(), List.of(PlatformRole.DESIGNER)),
            new SecflowConfig.UserEntry("analyst-token", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST)),
            new SecflowConfig.UserEntry("supplier-token", "supplier", "Supplier", "SUPPLIER-A", List.of(DccUserRole.IS), List.of(),
                    List.of("csc")));

    @TempDir
    static Path dir;

    private TestServer server;

    @org.junit.jupiter.api.BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir, TestServer.copyOfRules(dir), USERS);
    }

    @org.junit.jupiter.api.AfterAll
    void stop() {
        server.close();
    }

    @Test
    void meDescribesTheCallerAndNeedsAToken() throws Exception {
        {
            JsonNode me = JSON.readTree(server.send("GET", "/api/me", "supplier-token", null).body());
            assertThat(me.get("userId").asText()).isEqualTo("supplier");
            assertThat(me.get("party").asText()).isEqualTo("SUPPLIER-A");
            assertThat(me.get("dccUserRoles")).extracting(JsonNode::asText).containsExactly("IS");
            assertThat(me.get("groups")).extracting(JsonNode::asText).containsExactly("csc");
            assertThat(server.send("GET", "/api/me", "unknown", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anUploadedBpmnFileIsDeployedWrittenIntoTheFolderAndItsDiagramServed() throws Exception {
        {
            HttpResponse<String> deployed = server.send("POST", "/api/processes/deploy", "designer-token", upload("review.bpmn", bpmn("Review")));

            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            assertThat(JSON.readTree(deployed.body()).get("deployed")).extracting(JsonNode::asText).containsExactly("review.bpmn");
            assertThat(dir.resolve("review.bpmn")).hasContent(bpmn("Review"));
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
            JsonNode diagram = JSON.readTree(server.send("GET", "/api/processes/review/diagram", "supplier-token", null).body());
            assertThat(diagram.get("version").asInt()).isEqualTo(1);
            assertThat(diagram.get("latest").asBoolean()).isTrue();
            assertThat(diagram.get("xml").asText()).contains("name=\"Review\"");
            assertThat(diagram.get("instances").asLong()).isZero();

            HttpResponse<String> again = server.send("POST", "/api/processes/deploy", "designer-token", upload("review.bpmn", bpmn("Review")));
            assertThat(JSON.readTree(again.body()).get("unchanged")).extracting(JsonNode::asText).containsExactly("review.bpmn");
            assertThat(server.send("GET", "/api/processes/review/diagram?version=2", "supplier-token", null).statusCode()).isEqualTo(404);
            assertThat(server.send("GET", "/api/processes/review/diagram?version=two", "supplier-token", null).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aRefusedUploadNamesFileElementLineAndColumnAndWritesNothing() throws Exception {
        {
            HttpResponse<String> refused = server.send("POST", "/api/processes/deploy", "designer-token",
                    upload("refused.bpmn", bpmn("Refused").replace("id=\"review\"", "id=\"refused\"").replace("targetRef=\"end\"", "targetRef=\"nowhere\"")));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("errors")).anySatisfy(e -> {
                assertThat(e.get("file").asText()).isEqualTo("refused.bpmn");
                assertThat(e.get("element").asText()).isEqualTo("f2");
                assertThat(e.get("line").asInt()).isPositive();
                assertThat(e.get("column").asInt()).isPositive();
            });
            assertThat(dir.resolve("refused.bpmn")).doesNotExist();
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
            assertThat(JSON.readTree(server.send("GET", "/api/processes", "designer-token", null).body()).get("lastRefused").get("refused")).isNotEmpty();
        }
    }

    @Test
    void onlyADesignerUploadsAndOnlyPlainBpmnFileNamesAreAccepted() throws Exception {
        {
            assertThat(server.send("POST", "/api/processes/deploy", "analyst-token", upload("other.bpmn", bpmn("Other"))).statusCode()).isEqualTo(403);
            for (String name : List.of("../review.bpmn", "review.xml", ".hidden.bpmn", "a/b.bpmn")) {
                HttpResponse<String> r = server.send("POST", "/api/processes/deploy", "designer-token", upload(name, bpmn("Review")));
                assertThat(r.statusCode()).as(name).isEqualTo(422);
                assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("file");
            }
            HttpResponse<String> empty = server.send("POST", "/api/processes/deploy", "designer-token", upload("other.bpmn", " "));
            assertThat(JSON.readTree(empty.body()).get("field").asText()).isEqualTo("xml");
            assertThat(dir.resolve("other.bpmn")).doesNotExist();
        }
    }

    @Test
    void aRuleFileIsReadByNameOnlyFromTheRulesFolder() throws Exception {
        {
            JsonNode table = JSON.readTree(server.send("GET", "/api/rules/files/srv-applicability.drl.csv", "supplier-token", null).body());
            assertThat(table.get("content").asText()).isEqualTo(Files.readString(dir.resolve("rules/srv-applicability.drl.csv")));
            assertThat(server.send("GET", "/api/rules/files/..%2Fdata", "supplier-token", null).statusCode()).isEqualTo(404);
            assertThat(server.send("GET", "/api/rules/files/nothing.drl", "supplier-token", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theScenarioTablesRunAgainstTheRulesInServiceForAnAnalystOnly() throws Exception {
        {
            assertThat(server.send("POST", "/api/rules/scenarios/run", "supplier-token", null).statusCode()).isEqualTo(403);
            JsonNode run = JSON.readTree(server.send("POST", "/api/rules/scenarios/run", "analyst-token", null).body());

            assertThat(run.get("failed").asInt()).as(run.toString()).isZero();
            assertThat(run.get("passed").asInt()).isPositive();
            assertThat(run.get("tables")).extracting(t -> t.get("kind").asText())
                    .containsExactly("Service Requests", "Planned Maintenance", "Credit Cover", "SEC Release targeting");
            assertThat(run.get("rulesVersion").asText()).isEqualTo(
                    JSON.readTree(server.send("GET", "/api/rules", "analyst-token", null).body()).get("version").asText());

            Path cases = dir.resolve("rules/srv-applicability.cases.csv");
            String kept = Files.readString(cases);
            Files.writeString(cases, "not,a,scenario,table\n");
            try {
                HttpResponse<String> refused = server.send("POST", "/api/rules/scenarios/run", "analyst-token", null);
                assertThat(refused.statusCode()).isEqualTo(422);
                assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("message").asText()).contains("srv-applicability.cases.csv");
            } finally {
                Files.writeString(cases, kept);
            }
        }
    }

    private static String upload(String file, String xml) {
        ObjectNode body = JSON.createObjectNode();
        body.put("file", file);
        body.put("xml", xml);
        return body.toString();
    }

    private static String bpmn(String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://secflow.org/test">
                  <bpmn:process id="review" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                    <bpmn:userTask id="task" name="%s" camunda:candidateGroups="csc"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(taskName);
    }
}
