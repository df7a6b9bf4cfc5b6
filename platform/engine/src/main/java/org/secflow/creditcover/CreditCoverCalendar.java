package org.secflow.creditcover;

import java.time.LocalDate;
import org.secflow.calendar.WorkingDays;

/**
 * Working Days for the Credit Cover rules (England and Wales bank holidays, {@link WorkingDays}): the rules hold the
 * day counts (J3.10, J3.16, J3.22) as literals and ask this fact for dates.
 */
public final class CreditCoverCalendar {
    private final WorkingDays workingDays;

    public CreditCoverCalendar(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The {@code n}th Working Day after {@code from}. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return workingDays.plus(from, n);
    }

    /** Working Days {@code d} with {@code from <= d < to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingDays.between(from, to);
    }
}
