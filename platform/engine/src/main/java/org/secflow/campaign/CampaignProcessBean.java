package org.secflow.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The bean {@value CampaignProcess#BEAN} that {@code bpmn/firmware-campaign.bpmn} calls. Each method only
 * reads and sets process variables; store work is handed to {@link CampaignWaves} to run after the
 * engine transaction commits (see the note there on HSQLDB checkpoints), so an engine step and the store never
 * hold transactions open on two connections at once. Variables: {@code campaignId}, {@code wave}, {@code waveEnd},
 * {@code gate} (NEXT, PAUSE, CANCEL, DONE), {@code decision} (RESUME, CANCEL).
 */
public final class CampaignProcessBean {
    private final FirmwareCampaignService service;

    public CampaignProcessBean(FirmwareCampaignService service) {
        this.service = service;
    }

    /** Service task "Check eligibility": after commit, every PENDING device is checked; then EligibilityChecked. */
    public void checkEligibility(DelegateExecution execution) {
        String id = campaign(execution);
        afterCommit(() -> service.waves().eligibilityAfterCommit(id));
    }

    /** Service task "Send wave": after commit, the sending loop of wave {@code wave} starts. */
    public void startWave(DelegateExecution execution) {
        String id = campaign(execution);
        int wave = ((Number) execution.getVariable(CampaignProcess.VAR_WAVE)).intValue();
        afterCommit(() -> service.waves().waveAfterCommit(id, wave));
    }

    /** Service task "Gate": the gate was decided with the wave's end; NEXT moves {@code wave} on. */
    public void gate(DelegateExecution execution) {
        if ("NEXT".equals(execution.getVariable(CampaignProcess.VAR_GATE))) {
            execution.setVariable(CampaignProcess.VAR_WAVE,
                    ((Number) execution.getVariable(CampaignProcess.VAR_WAVE)).intValue() + 1);
        }
    }

    /** Service task "Resume wave": {@code wave} and {@code gate} were set by the resume request. */
    public void resumeWave(DelegateExecution execution) {
        if (execution.getVariable(CampaignProcess.VAR_GATE) == null) {
            execution.setVariable(CampaignProcess.VAR_GATE, "NEXT");
        }
    }

    /** Service task "Complete". */
    public void complete(DelegateExecution execution) {
        String id = campaign(execution);
        afterCommit(() -> service.waves().endedAfterCommit(id, CampaignState.COMPLETED));
    }

    /** Service task "Cancel campaign": devices not yet sent become CANCELLED. */
    public void cancelCampaign(DelegateExecution execution) {
        String id = campaign(execution);
        afterCommit(() -> service.waves().endedAfterCommit(id, CampaignState.CANCELLED));
    }

    private static String campaign(DelegateExecution execution) {
        return (String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN);
    }

    private static void afterCommit(Runnable work) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> work.run());
    }
}
