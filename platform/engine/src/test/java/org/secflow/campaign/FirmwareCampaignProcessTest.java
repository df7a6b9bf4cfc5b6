package org.secflow.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.workflow.WorkflowEngine;

/**
 * The real {@code bpmn/firmware-campaign.bpmn} walked with camunda-bpm-assert. The bean
 * {@value CampaignProcess#BEAN} is a hand-written fake that records the calls; the test plays the messages
 * the service sends (EligibilityChecked, WaveEnded with the gate decided at the wave's end), so it asserts the path
 * the process takes, not the sending.
 */
class FirmwareCampaignProcessTest {
    private Database database;
    private WorkflowEngine workflow;
    private ScriptedCampaigns campaigns;

    /** Stands in for {@link CampaignProcessBean}: records calls; moves the wave on at a NEXT gate as the real one does. */
    public static final class ScriptedCampaigns {
        final List<String> calls = new ArrayList<>();

        public void checkEligibility(DelegateExecution e) {
            calls.add("eligibility");
        }

        public void startWave(DelegateExecution e) {
            calls.add("wave " + e.getVariable(CampaignProcess.VAR_WAVE));
        }

        public void gate(DelegateExecution e) {
            String gate = (String) e.getVariable(CampaignProcess.VAR_GATE);
            if (gate.equals("NEXT")) {
                e.setVariable(CampaignProcess.VAR_WAVE, ((Number) e.getVariable(CampaignProcess.VAR_WAVE)).intValue() + 1);
            }
            calls.add("gate " + gate);
        }

        public void resumeWave(DelegateExecution e) {
            calls.add("resume");
        }

        public void complete(DelegateExecution e) {
            calls.add("complete");
        }

        public void cancelCampaign(DelegateExecution e) {
            calls.add("cancel");
        }
    }

    @BeforeEach
    void start() {
        database = FreshDatabase.open();
        workflow = WorkflowEngine.start(database.dataSource(), database.isPostgresql(), false);
        campaigns = new ScriptedCampaigns();
        workflow.registerBean(CampaignProcess.BEAN, campaigns);
        Path bpmn = Path.of(System.getProperty("secflow.bpmn", "../../bpmn"));
        new ProcessDeployer(workflow.engine(), bpmn, Clock.systemUTC()).deployAll();
        BpmnAwareTests.init(workflow.engine());
    }

    @AfterEach
    void stop() {
        BpmnAwareTests.reset();
        workflow.close();
        database.close();
    }

    private ProcessInstance create() {
        return workflow.engine().getRuntimeService().startProcessInstanceByKey(CampaignProcess.PROCESS_KEY, "c-1",
                Map.of(CampaignProcess.VAR_CAMPAIGN, "c-1"));
    }

    private void eligibilityChecked() {
        workflow.engine().getRuntimeService().createMessageCorrelation(CampaignProcess.ELIGIBILITY_CHECKED)
                .processInstanceBusinessKey("c-1").setVariable(CampaignProcess.VAR_WAVE, 1).correlateWithResult();
    }

    private void waveEnds(String how, String gate) {
        RuntimeService runtime = workflow.engine().getRuntimeService();
        runtime.createMessageCorrelation(CampaignProcess.WAVE_ENDED).processInstanceBusinessKey("c-1")
                .setVariable(CampaignProcess.VAR_WAVE_END, how).setVariable(CampaignProcess.VAR_GATE, gate)
                .correlateWithResult();
    }

    @Test
    void walksApprovalEligibilityAPauseOnTheErrorThresholdAResumeAndCompletion() {
        ProcessInstance pi = create();
        assertThat(pi).isWaitingAt("approveCampaign");
        assertThat(task()).hasCandidateGroup("campaign-approvers");

        complete(task(), Map.of("approvedBy", "second-person"));
        assertThat(pi).isWaitingAt("waitForEligibility"); // checked after the approval commits, off the engine
        eligibilityChecked();
        assertThat(pi).isWaitingAt("waitForWave");

        waveEnds("COMPLETE", "NEXT"); // pilot wave met its success threshold
        assertThat(pi).isWaitingAt("waitForWave");
        waveEnds("PAUSED", "PAUSE"); // the error threshold was crossed in wave 2
        assertThat(pi).isWaitingAt("reviewCampaign");
        assertThat(task()).hasCandidateGroup("campaign-operators");

        complete(task(), Map.of(CampaignProcess.VAR_DECISION, "RESUME", CampaignProcess.VAR_WAVE, 2,
                CampaignProcess.VAR_GATE, "NEXT"));
        assertThat(pi).isWaitingAt("waitForWave");
        waveEnds("COMPLETE", "DONE");

        assertThat(pi).isEnded().hasPassedInOrder("approveCampaign", "checkEligibility", "waitForEligibility", "sendWave", "waitForWave", "gate",
                "sendWave", "waitForWave", "gate", "reviewCampaign", "resumeWave", "sendWave", "waitForWave", "gate",
                "completeCampaign", "campaignCompleted");
        org.assertj.core.api.Assertions.assertThat(campaigns.calls).containsExactly("eligibility", "wave 1", "gate NEXT",
                "wave 2", "gate PAUSE", "resume", "wave 2", "gate DONE", "complete");
    }

    @Test
    void cancelsFromTheReviewTask() {
        ProcessInstance pi = create();
        assertThat(pi).isWaitingAt("approveCampaign");
        complete(task());
        eligibilityChecked();
        waveEnds("COMPLETE", "PAUSE");
        assertThat(pi).isWaitingAt("reviewCampaign");

        complete(task(), Map.of(CampaignProcess.VAR_DECISION, "CANCEL"));

        assertThat(pi).isEnded().hasPassed("cancelCampaign", "campaignCancelled").hasNotPassed("completeCampaign");
    }

    @Test
    void cancelsBeforeApproval() {
        ProcessInstance pi = create();

        workflow.engine().getRuntimeService().createMessageCorrelation(CampaignProcess.CANCELLED)
                .processInstanceBusinessKey("c-1").correlateWithResult();

        assertThat(pi).isEnded().hasPassedInOrder("cancelledBeforeApproval", "cancelCampaign", "campaignCancelled")
                .hasNotPassed("checkEligibility");
    }
}
