package org.secflow.rules;

import java.util.Objects;

/**
 * What a rule reports about the facts it judged: a Service Request violation, a Planned Maintenance violation or
 * warning, a Credit Cover finding. The same shape for every rule set, so that clients read one format.
 *
 * @param ruleId the rule's id, e.g. {@code ALTHAN-JOIN-UNJOIN}, {@code PM-LOW-DURATION}, {@code CC-EVENT-OF-DEFAULT}
 * @param message what is wrong or what it means, for the User
 * @param source where the rule comes from: SEC clause, public document title and section, or DUIS Service Request matrix row; may be null
 */
public record RuleFinding(String ruleId, String message, String source) {
    public RuleFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }
}
