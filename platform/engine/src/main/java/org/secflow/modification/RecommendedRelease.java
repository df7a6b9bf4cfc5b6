package org.secflow.modification;

import java.time.LocalDate;
import java.util.Locale;
import org.secflow.problem.InvalidFieldException;

/**
 * One option of a Modification Report's recommended implementation approach (SEC Section D; each report's section 6
 * "Implementation approach"), in the order the report gives them. Two kinds:
 * <ul>
 *   <li><b>a named SEC Release with its decision cut-off</b>: {@code release}, {@code implementationDate},
 *       {@code decisionCutOff} and {@code cutOffIncluded}. "on or before 11 February 2021" is a cut-off of
 *       2021-02-11 included (SEC Panel paper, December 2020, MP092 section 6); "before 3 June 2021" is 2021-06-03
 *       not included (same paper, MP106 section 6).</li>
 *   <li><b>a lead time from the decision</b>: {@code leadTime} and {@code leadTimeUnit} (MONTHS or WORKING_DAYS).
 *       With {@code adHoc} true the change goes live on that day in an ad-hoc SEC Release ("One Working Day after
 *       decision": same paper, MP139 section 6); otherwise in the first scheduled release of the calendar that admits
 *       the change's scope and goes live on or after that day (the DCC's "total lead time at around 18 months": SEC
 *       Panel paper, June 2021, MP162 Appendix 1).</li>
 * </ul>
 * The first option that fits a decision wins; a lead-time option fits every decision.
 *
 * @param release the release's name, e.g. {@code February 2021 SEC Release}; for an ad-hoc option optional (default
 *                {@value ReleaseTargeting#AD_HOC_RELEASE}); absent for a lead time to a scheduled release
 * @param implementationDate go-live day of the named release
 * @param decisionCutOff the cut-off day of the named release
 * @param cutOffIncluded whether a decision on the cut-off day itself still makes the release ("on or before": true;
 *                       "before": false); default true
 * @param leadTime lead time from the decision, at least 1
 * @param leadTimeUnit {@code MONTHS} or {@code WORKING_DAYS} (England and Wales)
 * @param adHoc with a lead time: implemented ad hoc on the day the lead time ends
 * @param source where the report says so (public title and section, with the words), or null
 * @throws InvalidFieldException (422, field {@code recommendation}) when the option is neither kind or half of one
 */
public record RecommendedRelease(String release, LocalDate implementationDate, LocalDate decisionCutOff, Boolean cutOffIncluded,
                                 Integer leadTime, LeadTimeUnit leadTimeUnit, Boolean adHoc, String source) {

    /** Unit of a lead time. */
    public enum LeadTimeUnit {
        MONTHS,
        WORKING_DAYS;

        /** The unit as written in a table cell, e.g. {@code months} or {@code Working Days}. */
        public static LeadTimeUnit parse(String v) {
            return valueOf(v.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    }

    /** The kinds of option, as the release-targeting rules tell them apart. */
    public enum Kind {
        /** A named release with its decision cut-off. */
        RELEASE,
        /** An ad-hoc release a lead time after the decision. */
        AD_HOC,
        /** The first scheduled release a lead time after the decision. */
        LEAD_TIME
    }

    public RecommendedRelease {
        cutOffIncluded = cutOffIncluded == null ? Boolean.TRUE : cutOffIncluded;
        adHoc = adHoc == null ? Boolean.FALSE : adHoc;
        release = release == null || release.isBlank() ? null : release.trim();
        boolean named = implementationDate != null || decisionCutOff != null;
        boolean lead = leadTime != null || leadTimeUnit != null;
        if (named == lead) {
            throw invalid("an option is either a SEC Release with implementationDate and decisionCutOff, or a leadTime with"
                    + " leadTimeUnit", named ? "it gives both" : "it gives neither");
        }
        if (named) {
            if (release == null || implementationDate == null || decisionCutOff == null) {
                throw invalid("a recommended SEC Release has release, implementationDate and decisionCutOff",
                        "release " + release + ", implementationDate " + implementationDate + ", decisionCutOff " + decisionCutOff);
            }
            if (decisionCutOff.isAfter(implementationDate)) {
                throw invalid("the decision cut-off is on or before the release's go-live day",
                        "decisionCutOff " + decisionCutOff + " is after implementationDate " + implementationDate);
            }
            if (adHoc) {
                throw invalid("adHoc goes with a lead time, not with a named release", "adHoc true with release " + release);
            }
        } else {
            if (leadTime == null || leadTimeUnit == null || leadTime < 1) {
                throw invalid("a lead time is a whole number of MONTHS or WORKING_DAYS, at least 1",
                        "leadTime " + leadTime + " " + leadTimeUnit);
            }
            if (!adHoc && release != null) {
                throw invalid("a lead time to a scheduled release names no release (the calendar chooses it)",
                        "release " + release + " with a lead time and adHoc false");
            }
        }
    }

    /** A named release: "on or before" when {@code included}, "before" otherwise. */
    public static RecommendedRelease release(String release, LocalDate implementationDate, LocalDate cutOff, boolean included,
                                             String source) {
        return new RecommendedRelease(release, implementationDate, cutOff, included, null, null, false, source);
    }

    /** An ad-hoc implementation {@code workingDays} Working Days after the decision. */
    public static RecommendedRelease adHocWorkingDays(int workingDays, String source) {
        return new RecommendedRelease(null, null, null, null, workingDays, LeadTimeUnit.WORKING_DAYS, true, source);
    }

    /** The first scheduled release at least {@code months} months after the decision. */
    public static RecommendedRelease leadTimeMonths(int months, String source) {
        return new RecommendedRelease(null, null, null, null, months, LeadTimeUnit.MONTHS, false, source);
    }

    /** Which kind of option this is. */
    public Kind kind() {
        return leadTime == null ? Kind.RELEASE : adHoc ? Kind.AD_HOC : Kind.LEAD_TIME;
    }

    /** Whether a decision on {@code decided} makes this option (a lead time always does). */
    public boolean fits(LocalDate decided) {
        return kind() != Kind.RELEASE || decided.isBefore(decisionCutOff) || (cutOffIncluded && decided.isEqual(decisionCutOff));
    }

    private static InvalidFieldException invalid(String rule, String message) {
        return new InvalidFieldException("recommendation", rule + " (SEC Section D: a Modification Report's recommended"
                + " implementation approach)", message);
    }
}
