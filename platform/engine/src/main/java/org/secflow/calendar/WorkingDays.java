package org.secflow.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working Days as the SEC defines them (Planned Maintenance lead times; Credit Cover deadlines, org.secflow.creditcover): every day but Saturdays, Sundays and
 * bank holidays in England and Wales (SEC Section H8.4 and H8.4A as changed by MP092). The bank holidays come from the Jollyday
 * holiday library (calendar {@code UNITED_KINGDOM}, subdivision {@code eng}; England and Wales share their bank
 * holidays), never from a hand-typed list. Thread-safe.
 */
public final class WorkingDays {
    /** Jollyday's subdivision of the United Kingdom for England (Wales has the same bank holidays). */
    static final String ENGLAND = "eng";

    private final HolidayManager holidays;

    public WorkingDays() {
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    }

    /** Whether {@code day} is a bank holiday in England and Wales. */
    public boolean isBankHoliday(LocalDate day) {
        return holidays.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, ENGLAND);
    }

    /** Whether {@code day} is a Working Day: Monday to Friday and not a bank holiday in England and Wales. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isBankHoliday(day);
    }

    /**
     * How many Working Days before {@code to} something done on {@code from} is: the Working Days {@code d} with
     * {@code from <= d < to}. Published on a Working Day D, D itself counts: D is then the first Working Day before
     * when nothing else lies between. 0 when {@code from} is not before {@code to}.
     *
     * <p>Example: the Working Days before Thursday 1 April 2027 from Tuesday 2 March 2027 are 20 (Good Friday
     * 26 March and Easter Monday 29 March 2027 excluded).
     */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The {@code n}th Working Day after {@code from} ({@code from} itself never counts; {@code n >= 1}). Example: 2
     * Working Days after Thursday 2 April 2026 is Wednesday 8 April 2026 (Good Friday and Easter Monday excluded).
     */
    public LocalDate plus(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
