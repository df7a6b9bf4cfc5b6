package org.secflow.modification;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Picks the SEC Release a modification approved on a date targets (release targeting): the seam between
 * the lifecycle and the release rules ({@code rules/sec-releases.csv}, {@code rules/release-targeting.drl}).
 */
@FunctionalInterface
public interface DecisionReleaseTarget {
    /** No targeting: the target stays empty until an IMPLEMENTED event names the release. */
    DecisionReleaseTarget NONE = (reference, decided, scope, recommendation) -> Optional.empty();

    /**
     * @param reference the modification (DP or MP reference, as raised)
     * @param decided the business date of the approving decision
     * @param scope what the modification needs from its release (its stored scope)
     * @param recommendation its Modification Report's recommendation ({@link ReleaseRecommendation#NONE} when none):
     *                       its first fitting option wins over the calendar
     * @return the release (name, e.g. {@code November 2023 SEC Release}, and go-live day), or empty when none fits
     */
    Optional<TargetRelease> target(String reference, LocalDate decided, ReleaseScope scope, ReleaseRecommendation recommendation);
}
