package org.secflow.campaign;

/**
 * The names {@code bpmn/firmware-campaign.bpmn} and the Java side share: the process definition key, the bean its
 * service tasks call, the messages it waits for and its process variables. One place, so that the BPMN file, the
 * delegates ({@link CampaignProcessBean}), the waves ({@link CampaignWaves}) and the tests agree.
 */
public final class CampaignProcess {
    /** Process definition key of bpmn/firmware-campaign.bpmn. */
    public static final String PROCESS_KEY = "firmware-campaign";
    /** The name the BPMN uses for {@link CampaignProcessBean}. */
    public static final String BEAN = "firmwareCampaigns";
    /** Message the process waits for at the end of a wave. */
    public static final String WAVE_ENDED = "WaveEnded";
    /** Message the process waits for after eligibility. */
    public static final String ELIGIBILITY_CHECKED = "EligibilityChecked";
    /** Message that cancels a campaign awaiting approval. */
    public static final String CANCELLED = "CampaignCancelled";
    /** Variable: the campaign's id (also the business key). */
    public static final String VAR_CAMPAIGN = "campaignId";
    /** Variable: the wave sending or next to send, from 1. */
    public static final String VAR_WAVE = "wave";
    /** Variable: the gate after a wave: NEXT, PAUSE, CANCEL or DONE. */
    public static final String VAR_GATE = "gate";
    /** Variable: the review task's decision: RESUME or CANCEL. */
    public static final String VAR_DECISION = "decision";
    /** Variable: how the wave's sending loop ended (COMPLETE, PAUSED, CANCELLED). */
    public static final String VAR_WAVE_END = "waveEnd";

    private CampaignProcess() {
    }
}
