package org.secflow.modification;

/**
 * The events of a modification's life, as the Events API takes them (SEC Section D). Every type but
 * {@link #DRAFT_PROPOSAL_RAISED} (recorded when the modification is created) is also the name of a BPMN message in
 * {@code bpmn/modification-lifecycle.bpmn}: the process decides when each is allowed.
 */
public enum ModificationEventType {
    DRAFT_PROPOSAL_RAISED,
    PRESENTED_TO_CSC,
    REQUEST_FOR_INFORMATION,
    /** Needs {@code path}; a DPnnn also becomes known as MPnnn. */
    CONVERTED_TO_MODIFICATION_PROPOSAL,
    /** Names the {@code body} when the document does: Panel, CSC, Working Group, SSC, TABASC, OPSG, TAG, Change Board. */
    DISCUSSED,
    PRELIMINARY_ASSESSMENT_REQUESTED,
    PRELIMINARY_ASSESSMENT_RETURNED,
    IMPACT_ASSESSMENT_COSTS_APPROVED,
    IMPACT_ASSESSMENT_REQUESTED,
    IMPACT_ASSESSMENT_RETURNED,
    /** {@code endDate} when published; without it the consultation stays open until {@link #CONSULTATION_CLOSED}. */
    REFINEMENT_CONSULTATION,
    /** Needs {@code body}. */
    MODIFICATION_REPORT_APPROVED,
    /** {@code endDate} when published; without it the consultation stays open until {@link #CONSULTATION_CLOSED}. */
    MODIFICATION_REPORT_CONSULTATION,
    /** Closes the open consultation (one recorded without {@code endDate}) on {@code date}; refused when none is open. */
    CONSULTATION_CLOSED,
    /** Needs {@code outcome}; a decision on Self-Governance and Fast-Track, a recommendation otherwise. */
    CHANGE_BOARD_VOTE,
    /** Needs {@code outcome}. */
    AUTHORITY_DECISION,
    /**
     * Needs {@code release}. Inside the Self-Governance referral window it is accepted and the modification is
     * implemented subject to referral until the window's end (SEC Panel paper, December 2020, MP139 section 6).
     */
    IMPLEMENTED,
    /**
     * A Self-Governance decision of the Change Board referred (appealed) to the Authority; allowed only on or before the
     * last day of the referral window. The Authority's decision follows as {@link #AUTHORITY_DECISION}: REJECTED
     * overturns the approval (and backs an implemented change out of the SEC).
     */
    REFERRED_TO_AUTHORITY,
    /** The referral window of a modification implemented inside it has passed without a referral (dated after its end). */
    REFERRAL_WINDOW_CLOSED,
    WITHDRAWN
}
