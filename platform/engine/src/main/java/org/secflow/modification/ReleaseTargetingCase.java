package org.secflow.modification;

import java.time.LocalDate;

/**
 * One case of a release-targeting scenario table ({@code rules/release-targeting*.cases.csv}).
 *
 * @param file table file name
 * @param line 1-based line
 * @param name the case's name
 * @param recommendationOf the modification of {@code release-recommendations.csv} whose recommendation the case uses, or null
 * @param recommendation that recommendation ({@link ReleaseRecommendation#NONE} when none)
 * @param decisionDate the day of the decision to approve
 * @param scope what the change needs
 * @param expectedRelease the release expected, or null when no release should fit
 * @param expectedImplementationDate its go-live day, or null when no release should fit
 * @param expectedRuleId the rule expected to decide
 * @param source the document (public title and section) the case reproduces
 */
public record ReleaseTargetingCase(String file, long line, String name, String recommendationOf,
                                   ReleaseRecommendation recommendation, LocalDate decisionDate, ReleaseScope scope,
                                   String expectedRelease, LocalDate expectedImplementationDate, String expectedRuleId,
                                   String source) {

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
