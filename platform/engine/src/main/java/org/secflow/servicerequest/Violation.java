package org.secflow.servicerequest;

/**
 * A rule a Service Request breaks.
 *
 * @param ruleId the rule's id, e.g. {@code ALTHAN-JOIN-UNJOIN}
 * @param message what is wrong, for the User
 * @param source where the rule comes from: seed file and section, or the DUIS matrix row
 */
public record Violation(String ruleId, String message, String source) {
}
