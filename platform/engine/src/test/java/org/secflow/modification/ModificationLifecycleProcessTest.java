package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.secflow.modification.ModificationProcessBean.EVENT_DATE;
import static org.secflow.modification.ModificationProcessBean.EVENT_TYPE;
import static org.secflow.modification.ModificationProcessBean.OUTCOME;
import static org.secflow.modification.ModificationProcessBean.PATH;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.calendar.WorkingDays;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.workflow.WorkflowEngine;

/**
 * The real {@code bpmn/modification-lifecycle.bpmn} walked with camunda-bpm-assert through each path (SEC Section
 * D), including the Self-Governance referral window and the back-out, with the production bean {@value ModificationProcessBean#BEAN} (15 Working Day
 * appeal window). Events are correlated as the service does: a message named after the event type, with the
 * event's variables.
 */
class ModificationLifecycleProcessTest {
    private Database database;
    private WorkflowEngine workflow;
    private RuntimeService runtime;
    private ProcessInstance pi;

    @BeforeEach
    void start() {
        database = FreshDatabase.open();
        workflow = WorkflowEngine.start(database.dataSource(), database.isPostgresql(), false);
        workflow.registerBean(ModificationProcessBean.BEAN, new ModificationProcessBean(new WorkingDays(), 15));
        new ProcessDeployer(workflow.engine(), Path.of(System.getProperty("secflow.bpmn", "../../bpmn")), Clock.systemUTC()).deployAll();
        BpmnAwareTests.init(workflow.engine());
        runtime = workflow.engine().getRuntimeService();
        pi = runtime.startProcessInstanceByKey(ModificationProcess.KEY, "DP139",
                Map.of(EVENT_TYPE, "DRAFT_PROPOSAL_RAISED", EVENT_DATE, "2020-08-18"));
    }

    @AfterEach
    void stop() {
        BpmnAwareTests.reset();
        workflow.close();
        database.close();
    }

    @Test
    void selfGovernanceImplementedAfterTheReferralWindowEndsAtOnce() {
        assertThat(pi).isWaitingAt("draftProposal").hasVariables("stage");
        event("PRESENTED_TO_CSC", "2020-08-28");
        assertThat(pi).isWaitingAt("draftProposal");
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, "SELF_GOVERNANCE");
        assertThat(pi).isWaitingAt("refinementWork", "paRequested", "iaCostsApproved");
        event("DISCUSSED", "2020-10-07");
        event("REFINEMENT_CONSULTATION", "2020-10-19");
        event("MODIFICATION_REPORT_APPROVED", "2020-12-11");
        assertThat(pi).isWaitingAt("reportPhase").variables().containsEntry("stage", "REPORT_PHASE");
        event("MODIFICATION_REPORT_CONSULTATION", "2020-12-14");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");
        // 15 Working Days after Wednesday 20 January 2021
        assertThat(pi).isWaitingAt("appealWindow").variables()
                .containsEntry("stage", "APPEAL_WINDOW").containsEntry("appealWindowEnd", "2021-02-10");

        event("IMPLEMENTED", "2021-02-11");

        assertThat(pi).isEnded().hasPassedInOrder("draftProposal", "dpConverted", "refinement", "reportApproved",
                "reportPhase", "rpVote", "deciderGateway", "changeBoardOutcome", "appealWindow", "awImplemented",
                "implementedGateway", "endImplemented").hasNotPassed("implementedSubjectToReferral");
        assertThat(pi).variables().containsEntry("stage", "IMPLEMENTED");
    }

    @Test
    void selfGovernanceImplementedInsideTheReferralWindowWaitsSubjectToReferralUntilTheWindowHasPassed() {
        toReportPhase("SELF_GOVERNANCE");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");

        // SEC Panel paper, December 2020, MP139 section 6: "one working day after the Change Board vote"
        event("IMPLEMENTED", "2021-01-21");

        assertThat(pi).isWaitingAt("implementedSubjectToReferral").variables().containsEntry("stage", "IMPLEMENTED");
        org.assertj.core.api.Assertions.assertThat(allowed()).containsExactly("REFERRAL_WINDOW_CLOSED", "REFERRED_TO_AUTHORITY");
        assertThatThrownBy(() -> event("REFERRAL_WINDOW_CLOSED", "2021-02-10"))
                .hasRootCauseInstanceOf(ModificationProcessBean.ProcessRefusal.class);
        assertThat(pi).isWaitingAt("implementedSubjectToReferral");
        event("REFERRAL_WINDOW_CLOSED", "2021-02-11");

        assertThat(pi).isEnded().hasPassedInOrder("appealWindow", "awImplemented", "implementedGateway",
                "implementedSubjectToReferral", "isWindowClosed", "checkAppealWindow", "endImplemented");
    }

    @Test
    void aReferralInsideTheWindowAfterImplementationOverturnedByTheAuthorityBacksTheChangeOut() {
        toReportPhase("SELF_GOVERNANCE");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");
        event("IMPLEMENTED", "2021-01-21");

        event("REFERRED_TO_AUTHORITY", "2021-02-10");
        assertThat(pi).isWaitingAt("referralAfterImplementation").variables().containsEntry("stage", "AUTHORITY_DECISION");
        event("AUTHORITY_DECISION", "2021-03-01", OUTCOME, "REJECTED");

        assertThat(pi).isEnded().hasPassedInOrder("implementedSubjectToReferral", "isReferred", "referralAfterImplementation",
                "raDecision", "backOutGateway", "endBackedOut").hasNotPassed("endImplemented", "endRejected");
        assertThat(pi).variables().containsEntry("stage", "BACKED_OUT");
    }

    @Test
    void aReferralAfterImplementationUpheldByTheAuthorityEndsImplemented() {
        toReportPhase("SELF_GOVERNANCE");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");
        event("IMPLEMENTED", "2021-01-21");
        event("REFERRED_TO_AUTHORITY", "2021-01-28");
        event("AUTHORITY_DECISION", "2021-03-01", OUTCOME, "APPROVED");

        assertThat(pi).isEnded().hasPassedInOrder("referralAfterImplementation", "backOutGateway", "endImplemented")
                .hasNotPassed("endBackedOut");
        assertThat(pi).variables().containsEntry("stage", "IMPLEMENTED");
    }

    @Test
    void aReferralAfterTheWindowIsRefused() {
        toReportPhase("SELF_GOVERNANCE");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");

        assertThatThrownBy(() -> event("REFERRED_TO_AUTHORITY", "2021-02-11"))
                .hasRootCauseInstanceOf(ModificationProcessBean.ProcessRefusal.class);
        assertThat(pi).isWaitingAt("appealWindow");
    }

    @Test
    void selfGovernanceReferredToTheAuthorityBeforeImplementationIsRejected() {
        toReportPhase("SELF_GOVERNANCE");
        event("CHANGE_BOARD_VOTE", "2021-01-20", OUTCOME, "APPROVED");
        event("REFERRED_TO_AUTHORITY", "2021-01-25");
        assertThat(pi).isWaitingAt("referralDecision").variables().containsEntry("stage", "AUTHORITY_DECISION");
        event("AUTHORITY_DECISION", "2021-02-01", OUTCOME, "REJECTED");

        assertThat(pi).isEnded().hasPassedInOrder("rpVote", "appealWindow", "awReferred", "referralDecision", "rdDecision",
                "appealOutcome", "endRejected").hasNotPassed("approved", "endImplemented");
    }

    @Test
    void aConsultationIsClosedByAnEventInRefinementAndInTheReportPhase() {
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, "SELF_GOVERNANCE");
        event("REFINEMENT_CONSULTATION", "2020-10-19");
        event("CONSULTATION_CLOSED", "2020-10-30");
        assertThat(pi).isWaitingAt("refinementWork").hasPassed("rConsultation", "rConsultationClosed");
        event("MODIFICATION_REPORT_APPROVED", "2020-12-11");
        event("MODIFICATION_REPORT_CONSULTATION", "2020-12-14");
        event("CONSULTATION_CLOSED", "2021-01-08");
        assertThat(pi).isWaitingAt("reportPhase").hasPassed("rpConsultation", "rpConsultationClosed");
    }

    @Test
    void authorityDeterminationWaitsForTheAuthorityAfterTheChangeBoardRecommendation() {
        toReportPhase("AUTHORITY_DETERMINATION");
        event("CHANGE_BOARD_VOTE", "2022-06-22", OUTCOME, "APPROVED");
        assertThat(pi).isWaitingAt("authorityDecision").variables().containsEntry("stage", "AUTHORITY_DECISION");
        event("AUTHORITY_DECISION", "2022-07-20", OUTCOME, "APPROVED");
        assertThat(pi).isWaitingAt("approved").variables().containsEntry("stage", "APPROVED");
        event("IMPLEMENTED", "2022-07-21");

        assertThat(pi).isEnded().hasPassedInOrder("rpVote", "deciderGateway", "authorityDecision", "adDecision",
                "authorityOutcome", "approved", "apImplemented", "endImplemented").hasNotPassed("appealWindow");
    }

    @Test
    void fastTrackGoesFromConversionToTheChangeBoardWithoutRefinementOrReport() {
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, "FAST_TRACK");
        assertThat(pi).isWaitingAt("changeBoard").variables().containsEntry("stage", "CHANGE_BOARD");
        event("CHANGE_BOARD_VOTE", "2020-09-23", OUTCOME, "APPROVED");

        assertThat(pi).isWaitingAt("appealWindow");
        assertThat(pi).hasPassedInOrder("dpConverted", "pathGateway", "changeBoard", "cbVote", "changeBoardOutcome")
                .hasNotPassed("refinement", "reportPhase");
    }

    @Test
    void aModificationIsWithdrawnFromRefinementAndNothingIsAllowedAfterwards() {
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, "AUTHORITY_LED");
        event("WITHDRAWN", "2020-10-01");

        assertThat(pi).isEnded().hasPassedInOrder("refinement", "refinementWithdrawn", "endWithdrawn");
        org.assertj.core.api.Assertions.assertThat(allowed()).isEmpty();
    }

    @Test
    void anAssessmentIsReturnedOnlyAfterItWasRequestedAndImpactAssessmentCostsComeFirst() {
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, "SELF_GOVERNANCE");
        org.assertj.core.api.Assertions.assertThat(allowed())
                .contains("PRELIMINARY_ASSESSMENT_REQUESTED", "IMPACT_ASSESSMENT_COSTS_APPROVED", "MODIFICATION_REPORT_APPROVED")
                .doesNotContain("PRELIMINARY_ASSESSMENT_RETURNED", "IMPACT_ASSESSMENT_REQUESTED", "IMPACT_ASSESSMENT_RETURNED",
                        "CHANGE_BOARD_VOTE");
        event("PRELIMINARY_ASSESSMENT_REQUESTED", "2020-09-12");
        event("IMPACT_ASSESSMENT_COSTS_APPROVED", "2020-09-13");
        assertThat(pi).isWaitingAt("refinementWork", "preliminaryAssessment", "iaRequested");
        org.assertj.core.api.Assertions.assertThat(allowed())
                .contains("PRELIMINARY_ASSESSMENT_RETURNED", "IMPACT_ASSESSMENT_REQUESTED")
                .doesNotContain("PRELIMINARY_ASSESSMENT_REQUESTED", "IMPACT_ASSESSMENT_RETURNED");
        event("PRELIMINARY_ASSESSMENT_RETURNED", "2020-10-01");
        assertThat(pi).isWaitingAt("refinementWork", "paRequested", "iaRequested");
    }

    private void toReportPhase(String path) {
        event("CONVERTED_TO_MODIFICATION_PROPOSAL", "2020-09-11", PATH, path);
        event("MODIFICATION_REPORT_APPROVED", "2020-12-11");
        event("MODIFICATION_REPORT_CONSULTATION", "2020-12-14");
        assertThat(pi).isWaitingAt("reportPhase");
    }

    private List<String> allowed() {
        return new ModificationProcess(workflow.engine()).allowedEvents(pi.getId());
    }

    private void event(String type, String date, String... more) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(EVENT_TYPE, type);
        vars.put(EVENT_DATE, date);
        for (int i = 0; i + 1 < more.length; i += 2) {
            vars.put(more[i], more[i + 1]);
        }
        runtime.createMessageCorrelation(type).processInstanceId(pi.getId()).setVariables(vars).correlateWithResult();
    }
}
