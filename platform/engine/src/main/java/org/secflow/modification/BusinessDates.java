package org.secflow.modification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.secflow.problem.InvalidFieldException;

/**
 * The dates a modification's events may carry: from {@value #EARLIEST_TEXT} (the year the Smart Energy Code was
 * designated; the earliest dates of our timelines are in 2020) to {@value #YEARS_AHEAD} years after today (UK), so
 * that a mistyped or far-future date cannot block every later event (events are recorded in date order). The example
 * timelines reach 2024 (MP170's November 2024 SEC Release option).
 */
final class BusinessDates {
    /** The earliest accepted date. */
    static final LocalDate EARLIEST = LocalDate.of(2013, 1, 1);
    static final String EARLIEST_TEXT = "2013-01-01";
    /** How far ahead of today a date may be, in years. */
    static final int YEARS_AHEAD = 5;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private BusinessDates() {
    }

    /**
     * @throws InvalidFieldException (422) naming {@code field} when {@code date} is before {@link #EARLIEST} or more
     *         than {@link #YEARS_AHEAD} years after today
     */
    static void check(String field, LocalDate date, Clock clock) {
        if (date == null) {
            return;
        }
        LocalDate latest = LocalDate.now(clock.withZone(UK)).plusYears(YEARS_AHEAD);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new InvalidFieldException(field, "a modification's dates lie from " + EARLIEST_TEXT + " to " + YEARS_AHEAD
                    + " years after today (" + latest + ")", field + " " + date + " is outside " + EARLIEST_TEXT + " .. " + latest);
        }
    }
}
