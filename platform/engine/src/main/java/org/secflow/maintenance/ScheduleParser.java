package org.secflow.maintenance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secflow.problem.BadRequestException;

/**
 * Checks a {@link ProposedSchedule} as sent and turns it into a {@link ParsedSchedule}. Every error is a
 * {@link BadRequestException} (HTTP 400) naming the field, e.g. {@code windows[1].end}: a malformed month, date or
 * date-time, an unknown impact, kind, complexity or disrupted service, an end not after its start, a duplicate id,
 * overlapping windows.
 */
public final class ScheduleParser {
    /** UK local time, in which every window is written and checked. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private ScheduleParser() {
    }

    /** Checks {@code s}. @throws BadRequestException naming the first bad field */
    public static ParsedSchedule parse(ProposedSchedule s) {
        YearMonth month;
        try {
            month = YearMonth.parse(required(s.month(), "month"));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("month", "a month as yyyy-MM, e.g. 2027-03", "'" + s.month() + "' is not a month");
        }
        LocalDate publishedOn = date(required(s.publishedOn(), "publishedOn"), "publishedOn");
        if (s.windows() == null) {
            throw new BadRequestException("windows", "the schedule lists its windows (may be empty)", "windows is missing");
        }
        List<ParsedWindow> windows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < s.windows().size(); i++) {
            ProposedWindow w = s.windows().get(i);
            String f = "windows[" + i + "]";
            if (w == null) {
                throw new BadRequestException(f, "a window is an object", "window " + i + " is null");
            }
            String id = required(w.id(), f + ".id");
            if (!ids.add(id)) {
                throw new BadRequestException(f + ".id", "window ids are unique in a schedule", "window id '" + id + "' appears twice");
            }
            LocalDateTime start = localTime(required(w.start(), f + ".start"), f + ".start");
            LocalDateTime end = localTime(required(w.end(), f + ".end"), f + ".end");
            if (!end.isAfter(start)) {
                throw new BadRequestException(f + ".end", "a window ends after it starts",
                        "window " + id + " ends at " + end + ", not after its start " + start);
            }
            Set<DisruptedService> disrupts = EnumSet.noneOf(DisruptedService.class);
            List<String> given = w.disrupts() == null ? List.of() : w.disrupts();
            for (int j = 0; j < given.size(); j++) {
                disrupts.add(value(DisruptedService.class, given.get(j), f + ".disrupts[" + j + "]"));
            }
            windows.add(new ParsedWindow(id, start, end,
                    w.impact() == null ? null : value(Impact.class, w.impact(), f + ".impact"),
                    disrupts, Boolean.TRUE.equals(w.consumerAffecting()), required(w.description(), f + ".description"),
                    w.kind() == null ? WindowKind.MONTHLY : value(WindowKind.class, w.kind(), f + ".kind"),
                    w.complexity() == null ? null : value(Complexity.class, w.complexity(), f + ".complexity")));
        }
        List<ParsedWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(ParsedWindow::start));
        for (int i = 1; i < sorted.size(); i++) {
            ParsedWindow prev = sorted.get(i - 1);
            ParsedWindow next = sorted.get(i);
            if (next.start().isBefore(prev.end())) {
                throw new BadRequestException("windows[" + windows.indexOf(next) + "].start", "windows do not overlap",
                        "window " + next.id() + " starts at " + next.start() + ", before window " + prev.id() + " ends at " + prev.end());
            }
        }
        return new ParsedSchedule(month, publishedOn, sorted);
    }

    /**
     * A UK local date-time from ISO text: local ({@code 2027-03-06T22:00}) or with an offset, converted to UK local.
     *
     * @throws BadRequestException naming {@code field}
     */
    public static LocalDateTime localTime(String text, String field) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(UK).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw new BadRequestException(field, "an ISO date-time in UK local time (2027-03-06T22:00) or with an offset",
                        "'" + text + "' is not a date-time");
            }
        }
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "an ISO date, e.g. 2027-01-15", "'" + text + "' is not a date");
        }
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new BadRequestException(field, field + " is required", field + " is missing");
        }
        return v.trim();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String v, String field) {
        try {
            return Enum.valueOf(type, v == null ? "" : v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, "one of " + Arrays.toString(type.getEnumConstants()),
                    "'" + v + "' is not a valid " + type.getSimpleName());
        }
    }
}
