package org.secflow.modification;

/** The path the Panel sets when it converts a Draft Proposal (SEC Section D3, D4). */
public enum ModificationPath {
    /** Path 3: the Change Board decides, subject to appeal to the Authority. */
    SELF_GOVERNANCE,
    /** Path 2: the Change Board recommends, the Authority (Ofgem) decides. */
    AUTHORITY_DETERMINATION,
    /** Path 1: Authority-led (e.g. Significant Code Review consequentials). */
    AUTHORITY_LED,
    /** Fast-Track Self-Governance: no Refinement, no Modification Report. */
    FAST_TRACK
}
