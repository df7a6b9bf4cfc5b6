package org.secflow.modification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The release that implements an approved modification, and why.
 *
 * @param release the SEC Release's name, e.g. "November 2023 SEC Release", or "Ad hoc SEC Release"
 * @param implementationDate go-live day
 * @param decisionCutOff the calendar row's decision cut-off that the decision met; null for an ad-hoc implementation
 * @param ruleId the rule of rules/release-targeting.drl that chose it, e.g. RT-SCHEDULED-RELEASE
 * @param source the chosen calendar row's source (public title + section, or ILLUSTRATIVE) or the rule's source
 * @param calendarLine the chosen row's line in {@code rules/sec-releases.csv}; 0 for an ad-hoc implementation
 * @param rulesVersion the rule-base version that decided ({@code LoadedRules.version()})
 * @param calendarVersion the calendar file's content hash ({@link ReleaseCalendar#version()})
 */
public record TargetRelease(String release, LocalDate implementationDate, LocalDate decisionCutOff, String ruleId,
                            String source, long calendarLine, String rulesVersion, String calendarVersion) {

    public TargetRelease {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(implementationDate, "implementationDate");
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
