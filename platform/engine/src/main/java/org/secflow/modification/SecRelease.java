package org.secflow.modification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the SEC Release calendar {@code rules/sec-releases.csv}: one decision cut-off of one SEC Release for one
 * scope of change. A release with DCC System changes or a DUIS uplift has an early cut-off for those (build lead
 * time, e.g. MP170: 2 November 2023 if approved on or before 2 May 2023; MP170 draft Modification Report section 6)
 * and usually a later one for document-only changes (e.g. MP092: 25 February 2021 if approved on or before
 * 11 February 2021; SEC Panel paper, December 2020, MP092 section 6).
 *
 * @param release the release's name, e.g. "November 2023 SEC Release"
 * @param implementationDate the release's go-live day
 * @param decisionCutOff the last day on or before which a decision to approve must be made for this release
 * @param duisUplift whether this row admits changes that need a DUIS uplift
 * @param dccSystemChanges whether this row admits changes that need DCC System changes
 * @param source where the row comes from: public title + section, a SEC Release page of the SEC website, INFERRED or ILLUSTRATIVE
 * @param line the row's 1-based line in the calendar file (0 when not read from a file)
 */
public record SecRelease(String release, LocalDate implementationDate, LocalDate decisionCutOff, boolean duisUplift,
                         boolean dccSystemChanges, String source, long line) {

    public SecRelease {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(implementationDate, "implementationDate");
        Objects.requireNonNull(decisionCutOff, "decisionCutOff");
        Objects.requireNonNull(source, "source");
        if (release.isBlank()) {
            throw new IllegalArgumentException("release name is blank");
        }
        if (decisionCutOff.isAfter(implementationDate)) {
            throw new IllegalArgumentException("decision cut-off " + decisionCutOff + " is after the implementation date "
                    + implementationDate + " of " + release);
        }
    }

    /** Whether a change of {@code scope} may use this row (document-only changes may use any row). */
    public boolean admits(ReleaseScope scope) {
        return (duisUplift || !scope.duisUplift()) && (dccSystemChanges || !scope.dccSystemChanges());
    }
}
