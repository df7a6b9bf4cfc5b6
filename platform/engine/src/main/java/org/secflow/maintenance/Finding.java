package org.secflow.maintenance;

import java.util.Objects;

/**
 * A Planned Maintenance rule a schedule breaks (a violation) or advice it does not follow (a warning).
 *
 * @param ruleId the rule's id, e.g. {@code PM-LOW-DURATION}
 * @param message what is wrong, naming the window
 * @param source the SEC clause and seed the rule encodes, e.g. {@code SEC H8.3(d) (MP092, seed 004_4621c6eb08935939.txt)}
 */
public record Finding(String ruleId, String message, String source) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }
}
