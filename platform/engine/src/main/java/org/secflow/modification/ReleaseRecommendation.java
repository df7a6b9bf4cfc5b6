package org.secflow.modification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A Modification Report's recommended implementation approach: its options in the report's order (each report's
 * section 6). Release targeting takes the first option that fits the decision; when none does (every cut-off has
 * passed) or the modification has none, the SEC Release calendar ({@code rules/sec-releases.csv}) decides.
 *
 * <p>As JSON: a list of {@link RecommendedRelease} objects, e.g.
 * {@code [{"release":"June 2021 SEC Release","implementationDate":"2021-06-24","decisionCutOff":"2021-06-03","cutOffIncluded":false},
 * {"release":"November 2021 SEC Release","implementationDate":"2021-11-04","decisionCutOff":"2021-10-21"}]} (MP106)
 * or {@code [{"leadTime":1,"leadTimeUnit":"WORKING_DAYS","adHoc":true}]} (MP139).
 *
 * @param options the options in order; empty: no recommendation
 */
public record ReleaseRecommendation(List<RecommendedRelease> options) {
    /** No recommendation: the calendar decides. */
    public static final ReleaseRecommendation NONE = new ReleaseRecommendation(List.of());

    public ReleaseRecommendation {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** From its JSON list. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReleaseRecommendation of(List<RecommendedRelease> options) {
        return new ReleaseRecommendation(options);
    }

    /** The JSON list. */
    @JsonValue
    public List<RecommendedRelease> options() {
        return options;
    }

    /** Whether there is no option. */
    public boolean isEmpty() {
        return options.isEmpty();
    }

    /** The first option that fits a decision on {@code decided}, if any. */
    public Optional<RecommendedRelease> firstFitting(LocalDate decided) {
        return options.stream().filter(o -> o.fits(decided)).findFirst();
    }
}
