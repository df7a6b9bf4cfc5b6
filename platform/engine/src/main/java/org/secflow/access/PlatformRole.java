package org.secflow.access;

/** Roles in secflow itself, beside the DCC User Roles. */
public enum PlatformRole {
    /** Runs the platform: everything. */
    ADMIN,
    /** Edits and reloads rules in rules/. */
    ANALYST,
    /** Edits and deploys processes in bpmn/. */
    DESIGNER,
    /** DCC operations: inventory and firmware catalogue upkeep. */
    OPERATOR,
    /** DCC finance: Credit Cover of every Party (SEC J3): parties, invoices, credit support, assessments. */
    FINANCE
}
