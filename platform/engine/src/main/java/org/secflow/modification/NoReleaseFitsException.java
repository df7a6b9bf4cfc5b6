package org.secflow.modification;

import java.time.LocalDate;

/**
 * No SEC Release of the calendar can implement a modification approved on {@code decisionDate} with {@code scope}:
 * every fitting row's decision cut-off has passed (add the next releases to {@code rules/sec-releases.csv}), or no
 * row admits the scope.
 */
public final class NoReleaseFitsException extends RuntimeException {
    private final LocalDate decisionDate;
    private final ReleaseScope scope;
    private final String ruleId;

    public NoReleaseFitsException(LocalDate decisionDate, ReleaseScope scope, String ruleId, String reason) {
        super(reason);
        this.decisionDate = decisionDate;
        this.scope = scope;
        this.ruleId = ruleId;
    }

    public LocalDate decisionDate() {
        return decisionDate;
    }

    public ReleaseScope scope() {
        return scope;
    }

    /** The rule that found nothing (RT-NO-RELEASE-FITS), or null when no rule answered at all. */
    public String ruleId() {
        return ruleId;
    }
}
