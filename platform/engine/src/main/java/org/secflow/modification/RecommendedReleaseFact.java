package org.secflow.modification;

import java.time.LocalDate;

/**
 * Rule fact: one option of the modification's own recommendation ({@link RecommendedRelease}) as
 * rules/release-targeting.drl matches it. Inserted by {@link ReleaseTargeting}, one per option, beside a
 * {@link ReleaseTargetingRequest}; the day a lead time ends ({@code leadTimeEnd}: the decision plus N months, or
 * plus N Working Days of England and Wales) is computed in Java.
 */
public final class RecommendedReleaseFact {
    private final int order;
    private final RecommendedRelease option;
    private final LocalDate leadTimeEnd;

    /**
     * @param order 1 for the report's first option, 2 for the next, ...
     * @param option the option
     * @param leadTimeEnd for a lead-time option, the day its lead time ends; null for a named release
     */
    public RecommendedReleaseFact(int order, RecommendedRelease option, LocalDate leadTimeEnd) {
        this.order = order;
        this.option = option;
        this.leadTimeEnd = leadTimeEnd;
    }

    /** 1 for the report's first option, 2 for the next, ... */
    public int getOrder() {
        return order;
    }

    /** {@code RELEASE}, {@code AD_HOC} or {@code LEAD_TIME} ({@link RecommendedRelease.Kind}). */
    public String getKind() {
        return option.kind().name();
    }

    /** The named release, the ad-hoc release's name, or null. */
    public String getRelease() {
        return option.release();
    }

    public LocalDate getImplementationDate() {
        return option.implementationDate();
    }

    public LocalDate getDecisionCutOff() {
        return option.decisionCutOff();
    }

    /** Whether a decision on the cut-off day itself still makes the release ("on or before" rather than "before"). */
    public boolean isCutOffIncluded() {
        return option.cutOffIncluded();
    }

    /** The day the lead time ends (lead-time options), else null. */
    public LocalDate getLeadTimeEnd() {
        return leadTimeEnd;
    }

    /** The lead time as words, e.g. {@code 18 MONTHS}, or null. */
    public String getLeadTime() {
        return option.leadTime() == null ? null : option.leadTime() + " " + option.leadTimeUnit();
    }

    /** Where the report says so, or a note that the option carries no source. */
    public String getSource() {
        return option.source() == null ? "the modification's recommended implementation approach" : option.source();
    }
}
