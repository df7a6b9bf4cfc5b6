package org.secflow.rules;

import java.time.Instant;
import java.util.List;

/**
 * A reload that was refused; the previous rules kept serving.
 *
 * @param at when it was tried
 * @param errors file, line and message of each error
 */
public record RefusedAttempt(Instant at, List<RuleError> errors) {
}
