package org.secflow.modification;

import java.time.LocalDate;

/**
 * Rule fact: one row of the SEC Release calendar ({@link SecRelease}) as rules/release-targeting.drl matches it.
 * Inserted by {@link ReleaseTargeting} from {@code rules/sec-releases.csv}, one per row, only beside a
 * {@link ReleaseTargetingRequest}; no other rule set reads this type.
 */
public final class SecReleaseFact {
    private final SecRelease row;

    public SecReleaseFact(SecRelease row) {
        this.row = row;
    }

    public SecRelease getRow() {
        return row;
    }

    public String getRelease() {
        return row.release();
    }

    public LocalDate getImplementationDate() {
        return row.implementationDate();
    }

    public LocalDate getDecisionCutOff() {
        return row.decisionCutOff();
    }

    public boolean isDuisUplift() {
        return row.duisUplift();
    }

    public boolean isDccSystemChanges() {
        return row.dccSystemChanges();
    }

    public String getSource() {
        return row.source();
    }

    /** The row's line in the calendar file, the last tie-break between rows. */
    public long getLine() {
        return row.line();
    }
}
