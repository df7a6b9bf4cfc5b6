package org.secflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working Days: weekends and England & Wales bank holidays from the Jollyday library excluded. */
class WorkingDaysTest {
    private final WorkingDays days = new WorkingDays();

    @Test
    void knowsTheEnglandAndWalesBankHolidaysOf2027FromTheLibrary() {
        assertThat(days.isBankHoliday(LocalDate.parse("2027-03-26"))).as("Good Friday").isTrue();
        assertThat(days.isBankHoliday(LocalDate.parse("2027-03-29"))).as("Easter Monday").isTrue();
        assertThat(days.isBankHoliday(LocalDate.parse("2027-05-03"))).as("Early May bank holiday").isTrue();
        assertThat(days.isBankHoliday(LocalDate.parse("2027-08-30"))).as("Summer bank holiday (England and Wales)").isTrue();
        assertThat(days.isBankHoliday(LocalDate.parse("2027-03-25"))).isFalse();
    }

    @Test
    void substitutesABankHolidayFallingOnAWeekend() {
        // Christmas Day 2027 is a Saturday, Boxing Day a Sunday: 27 and 28 December are the bank holidays
        assertThat(days.isWorkingDay(LocalDate.parse("2027-12-27"))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2027-12-28"))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2027-12-29"))).isTrue();
    }

    @Test
    void excludesWeekends() {
        assertThat(days.isWorkingDay(LocalDate.parse("2027-03-06"))).as("Saturday").isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2027-03-07"))).as("Sunday").isFalse();
        assertThat(days.isWorkingDay(LocalDate.parse("2027-03-08"))).as("Monday").isTrue();
    }

    @Test
    void countsFromThePublicationDayToTheDayBefore() {
        assertThat(days.between(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-03-01"))).isEqualTo(20);
        assertThat(days.between(LocalDate.parse("2027-02-02"), LocalDate.parse("2027-03-01"))).isEqualTo(19);
        assertThat(days.between(LocalDate.parse("2027-02-26"), LocalDate.parse("2027-03-01"))).as("Friday before a Monday").isEqualTo(1);
        assertThat(days.between(LocalDate.parse("2027-02-27"), LocalDate.parse("2027-03-01"))).as("Saturday before a Monday").isZero();
        assertThat(days.between(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"))).isZero();
    }

    @Test
    void skipsTheEasterWeekendOf2027() {
        assertThat(days.between(LocalDate.parse("2027-03-02"), LocalDate.parse("2027-04-01"))).isEqualTo(20);
        assertThat(days.between(LocalDate.parse("2027-03-04"), LocalDate.parse("2027-04-01"))).as("20 weekdays, 2 bank holidays").isEqualTo(18);
        assertThat(days.between(LocalDate.parse("2027-03-25"), LocalDate.parse("2027-03-30"))).as("Thursday to Tuesday over Easter").isEqualTo(1);
    }

    @Test
    void plusCountsWorkingDaysAfterADayForCreditCoverDeadlines() {
        assertThat(days.plus(LocalDate.parse("2026-04-02"), 2)).as("Thursday + 2 over Easter 2026").isEqualTo(LocalDate.parse("2026-04-08"));
        assertThat(days.plus(LocalDate.parse("2025-05-29"), 1)).isEqualTo(LocalDate.parse("2025-05-30"));
        assertThat(days.plus(LocalDate.parse("2025-05-30"), 1)).as("Friday before a Monday").isEqualTo(LocalDate.parse("2025-06-02"));
        assertThat(days.plus(LocalDate.parse("2025-05-23"), 1)).as("late May bank holiday 26 May 2025").isEqualTo(LocalDate.parse("2025-05-27"));
    }
}
