package org.secflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/** The Camunda engine on the platform's HSQLDB (schema from Flyway V5) and deployment from a BPMN directory. */
class ProcessDeployerTest {
    @TempDir
    Path bpmn;
    private Database database;
    private WorkflowEngine workflow;
    private ProcessDeployer deployer;

    @BeforeEach
    void start() {
        database = FreshDatabase.open();
        workflow = WorkflowEngine.start(database.dataSource(), database.isPostgresql(), false);
        deployer = new ProcessDeployer(workflow.engine(), bpmn, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        workflow.close();
        database.close();
    }

    @Test
    void deploysEachFileOnceAndAChangedFileAsTheNextVersion() throws Exception {
        Files.writeString(bpmn.resolve("review.bpmn"), process("review", "Review", "csc"));

        assertThat(deployer.deployAll().deployed()).containsExactly("review.bpmn");
        assertThat(deployer.deployAll().unchanged()).containsExactly("review.bpmn");

        ProcessEngine engine = workflow.engine();
        ProcessInstance onFirst = engine.getRuntimeService().startProcessInstanceByKey("review");
        Files.writeString(bpmn.resolve("review.bpmn"), process("review", "Second review", "panel"));
        DeploymentReport second = deployer.deployAll();

        assertThat(second.deployed()).containsExactly("review.bpmn");
        assertThat(deployer.definitions()).extracting(ProcessDefinitionInfo::version, ProcessDefinitionInfo::latest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(1, false));
        ProcessInstance onSecond = engine.getRuntimeService().startProcessInstanceByKey("review");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(onFirst.getId()).singleResult().getName())
                .isEqualTo("Review");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(onSecond.getId()).singleResult().getName())
                .isEqualTo("Second review");
    }

    @Test
    void refusesAnInvalidFileWithTheParsersMessageAndKeepsThePreviousVersion() throws Exception {
        Files.writeString(bpmn.resolve("review.bpmn"), process("review", "Review", "csc"));
        deployer.deployAll();
        // a sequence flow to an element that does not exist
        Files.writeString(bpmn.resolve("review.bpmn"), process("review", "Review", "csc")
                .replace("targetRef=\"end\"", "targetRef=\"nowhere\""));

        DeploymentReport report = deployer.deployAll();

        assertThat(report.ok()).isFalse();
        assertThat(report.refused()).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("review.bpmn");
            assertThat(p.message()).contains("nowhere");
            assertThat(p.line()).isNotNull();
        });
        assertThat(deployer.lastRefused()).contains(report);
        assertThat(deployer.definitions()).singleElement().extracting(ProcessDefinitionInfo::version).isEqualTo(1);
        assertThat(workflow.engine().getRuntimeService().startProcessInstanceByKey("review")).isNotNull();
    }

    @Test
    void refusesAFileThatIsNotWellFormedWithTheXmlParsersLineColumnAndTheElementLeftOpen() throws Exception {
        // the user task is never closed: line 7 opens it with '>' instead of '/>'
        Files.writeString(bpmn.resolve("review.bpmn"), process("review", "Review", "csc")
                .replace("camunda:candidateGroups=\"csc\"/>", "camunda:candidateGroups=\"csc\">"));

        DeploymentReport report = deployer.deployAll();

        assertThat(report.refused()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("review.bpmn");
            assertThat(p.message()).startsWith("not well-formed XML");
            assertThat(p.line()).as(p.toString()).isNotNull().isGreaterThanOrEqualTo(7);
            assertThat(p.column()).as(p.toString()).isNotNull().isPositive();
            assertThat(p.element()).as(p.toString()).isEqualTo("task");
        });
    }

    static String process(String key, String taskName, String group) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://secflow.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                    <bpmn:userTask id="task" name="%s" camunda:candidateGroups="%s"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, taskName, group);
    }
}
