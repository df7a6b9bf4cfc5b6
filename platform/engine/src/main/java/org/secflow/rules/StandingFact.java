package org.secflow.rules;

/**
 * A fact that stays in a thread's session of one rule-base version after each decision, because it holds what the
 * rules derive from their own tables, the same for every request (the SRV's row of the DUIS matrix,
 * {@code org.secflow.servicerequest.SrvApplicability}). {@link RuleSessions#empty} deletes every other fact. A
 * standing fact must never be changed once inserted, and must be bounded by the rule files (one per table row), not
 * by the requests. A reload builds new sessions, so a standing fact never outlives its rule-base version.
 */
public interface StandingFact {
}
