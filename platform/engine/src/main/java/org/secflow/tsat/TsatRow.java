package org.secflow.tsat;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the SEC Schedule 11 Technical Specification Applicability Tables (TSAT) table "CHTS and Relevant
 * Versions of GBCS", as kept in {@code rules/tsat.csv}: a Communications Hub Technical Specification (CHTS) version
 * with one relevant GBCS version, its Installation Validity Period (IVP), Maintenance Validity Period (MVP) and GBCS
 * Applicability Period. An end date of null is "Not determined" (open). Dates are inclusive days.
 *
 * @param chtsVersion e.g. {@code 1.1}
 * @param gbcsVersion e.g. {@code 2.1}
 * @param installationStart IVP start
 * @param installationEnd IVP end, or null (not determined)
 * @param maintenanceStart MVP start
 * @param maintenanceEnd MVP end, or null (not determined): a hub must be upgraded or replaced by then
 * @param applicabilityStart GBCS Applicability Period start
 * @param applicabilityEnd GBCS Applicability Period end, or null: "the date by which Parties should have taken all
 *                         reasonable steps to ensure a Device is no longer operating on that version of GBCS"
 * @param source public title and section the row is taken from, or {@code NOT SOURCED: ...}
 * @param line 1-based line in the table file (0 when not read from a file)
 */
public record TsatRow(String chtsVersion, String gbcsVersion, LocalDate installationStart, LocalDate installationEnd,
                      LocalDate maintenanceStart, LocalDate maintenanceEnd, LocalDate applicabilityStart,
                      LocalDate applicabilityEnd, String source, long line) {

    public TsatRow {
        Objects.requireNonNull(chtsVersion, "chtsVersion");
        Objects.requireNonNull(gbcsVersion, "gbcsVersion");
        Objects.requireNonNull(installationStart, "installationStart");
        Objects.requireNonNull(maintenanceStart, "maintenanceStart");
        Objects.requireNonNull(applicabilityStart, "applicabilityStart");
        Objects.requireNonNull(source, "source");
        check(installationStart, installationEnd, "installation");
        check(maintenanceStart, maintenanceEnd, "maintenance");
        check(applicabilityStart, applicabilityEnd, "applicability");
    }

    private static void check(LocalDate start, LocalDate end, String what) {
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(what + " end " + end + " is before its start " + start);
        }
    }
}
