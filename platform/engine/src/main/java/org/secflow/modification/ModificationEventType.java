package org.secflow.modification;

/**
 * The events of a modification's life, as the Events API takes them (issue 5). Every type but
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
    /** Needs {@code endDate}. */
    REFINEMENT_CONSULTATION,
    /** Needs {@code body}. */
    MODIFICATION_REPORT_APPROVED,
    /** Needs {@code endDate}. */
    MODIFICATION_REPORT_CONSULTATION,
    /** Needs {@code outcome}; a decision on Self-Governance and Fast-Track, a recommendation otherwise. */
    CHANGE_BOARD_VOTE,
    /** Needs {@code outcome}. */
    AUTHORITY_DECISION,
    /** Needs {@code release}. */
    IMPLEMENTED,
    WITHDRAWN
}
