package org.secflow.campaign;

/** Where a firmware campaign is: the states of bpmn/firmware-campaign.bpmn and of the campaign store. */
public enum CampaignState {
    /** Created; waits for a second person to approve. */
    AWAITING_APPROVAL,
    /** Approved; the rules are checking every target. */
    CHECKING_ELIGIBILITY,
    /** A wave is sending. */
    RUNNING,
    /** Sending stopped (error threshold, success threshold not met, or on demand); a user task to resume or cancel. */
    PAUSED,
    /** Every device in a final state. */
    COMPLETED,
    /** Cancelled; devices not yet sent are CANCELLED. */
    CANCELLED
}
