package org.secflow.creditcover;

/**
 * Something a Credit Cover rule reports: a PCG not counted, an expired instrument, a shortfall, an Event of Default,
 * an expiry notice.
 *
 * @param ruleId the rule, e.g. {@code CC-EVENT-OF-DEFAULT}
 * @param message what it means for this Party
 * @param source the SEC clause and seed
 */
public record CreditCoverFinding(String ruleId, String message, String source) {
}
