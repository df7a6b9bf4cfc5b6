package org.secflow.modification;

/**
 * Where a modification stands (SEC Section D). The process sets it: each stage element of
 * {@code bpmn/modification-lifecycle.bpmn} calls {@code modifications.enterStage(execution, 'STAGE')} on start.
 */
public enum ModificationStage {
    DRAFT_PROPOSAL,
    REFINEMENT,
    REPORT_PHASE,
    /** Fast-Track: awaiting the Change Board vote. */
    CHANGE_BOARD,
    /** Authority Determination and Authority-led: awaiting the Authority's decision. */
    AUTHORITY_DECISION,
    /** Self-Governance approved by the Change Board; the referral (appeal) to the Authority is open. */
    APPEAL_WINDOW,
    APPROVED,
    IMPLEMENTED,
    REJECTED,
    WITHDRAWN,
    /**
     * Implemented inside the Self-Governance referral window, referred, and overturned by the Authority: "the changes
     * would be backed out of the SEC" (SEC Panel paper, December 2020, MP139 section 6).
     */
    BACKED_OUT;

    /** Whether the lifecycle can end in this stage (IMPLEMENTED may still wait for its referral window). */
    public boolean closed() {
        return this == IMPLEMENTED || this == REJECTED || this == WITHDRAWN || this == BACKED_OUT;
    }
}
