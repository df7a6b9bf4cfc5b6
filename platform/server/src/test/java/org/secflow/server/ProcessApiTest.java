package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.server.config.SecflowConfig;

/** {@code GET /api/processes} and {@code POST /api/processes/reload} over real HTTP: deploying processes. */
class ProcessApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SecflowConfig.UserEntry> USERS = List.of(
            new SecflowConfig.UserEntry("designer-token", "designer", "Designer", "SECAS", List.of(), List.of(org.secflow.access.PlatformRole.DESIGNER)),
            new SecflowConfig.UserEntry("analyst-token", "analyst", "Analyst", "SECAS", List.of(), List.of(org.secflow.access.PlatformRole.ANALYST)));

    @TempDir
    Path dir;

    @Test
    void deploysTheBpmnFolderAtStartAndAChangedFileOnReloadWithoutARestart() throws Exception {
        Files.writeString(dir.resolve("review.bpmn"), bpmn("Review"));
        try (TestServer server = TestServer.start(dir, TestServer.copyOfRules(dir), USERS)) {
            JsonNode listed = JSON.readTree(server.send("GET", "/api/processes", "analyst-token", null).body());
            assertThat(listed.get("definitions")).singleElement().satisfies(d -> {
                assertThat(d.get("key").asText()).isEqualTo("review");
                assertThat(d.get("version").asInt()).isEqualTo(1);
                assertThat(d.get("file").asText()).isEqualTo("review.bpmn");
                assertThat(d.get("deployedAt").asText()).isNotBlank();
            });

            Files.writeString(dir.resolve("review.bpmn"), bpmn("Second review"));
            HttpResponse<String> reloaded = server.send("POST", "/api/processes/reload", "designer-token", null);

            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reloaded.body()).get("deployed").get(0).asText()).isEqualTo("review.bpmn");
            JsonNode after = JSON.readTree(server.send("GET", "/api/processes", "analyst-token", null).body());
            assertThat(after.get("definitions").get(0).get("version").asInt()).isEqualTo(2);
            assertThat(after.get("definitions").get(0).get("latest").asBoolean()).isTrue();
        }
    }

    @Test
    void refusesABrokenFileWith422NamingFileElementAndLineAndKeepsThePreviousVersion() throws Exception {
        Files.writeString(dir.resolve("review.bpmn"), bpmn("Review"));
        try (TestServer server = TestServer.start(dir, TestServer.copyOfRules(dir), USERS)) {
            Files.writeString(dir.resolve("review.bpmn"), bpmn("Review").replace("targetRef=\"end\"", "targetRef=\"nowhere\""));

            HttpResponse<String> refused = server.send("POST", "/api/processes/reload", "designer-token", null);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode errors = JSON.readTree(refused.body()).get("errors");
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.get("file").asText()).isEqualTo("review.bpmn");
                assertThat(e.get("element").asText()).isEqualTo("f2");
                assertThat(e.get("line").asInt()).isPositive();
                assertThat(e.get("message").asText()).contains("nowhere");
            });
            JsonNode listed = JSON.readTree(server.send("GET", "/api/processes", "analyst-token", null).body());
            assertThat(listed.get("definitions")).singleElement().satisfies(d -> assertThat(d.get("version").asInt()).isEqualTo(1));
            assertThat(listed.get("lastRefused").get("refused")).isNotEmpty();
        }
    }

    @Test
    void onlyADesignerMayDeploy() throws Exception {
        try (TestServer server = TestServer.start(dir, TestServer.copyOfRules(dir), USERS)) {
            HttpResponse<String> forbidden = server.send("POST", "/api/processes/reload", "analyst-token", null);

            assertThat(forbidden.statusCode()).isEqualTo(403);
        }
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
