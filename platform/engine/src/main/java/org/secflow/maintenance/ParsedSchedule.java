package org.secflow.maintenance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A checked schedule: windows in order of start, none overlapping.
 *
 * @param month the month the schedule is for
 * @param publishedOn the day it is made available
 * @param windows its windows, in order of start
 */
public record ParsedSchedule(YearMonth month, LocalDate publishedOn, List<ParsedWindow> windows) {
    public ParsedSchedule {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(publishedOn, "publishedOn");
        windows = List.copyOf(windows);
    }
}
