package org.secflow.modification;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.secflow.rules.scenario.ScenarioCsv;

/**
 * The SEC Release calendar: the rows of {@code rules/sec-releases.csv} (Commons CSV), which analysts edit beside the
 * rules. A header row with exactly {@link #COLUMNS} (any order), one {@link SecRelease} a line; blank lines and lines
 * starting with {@code #} are skipped; dates ISO {@code yyyy-MM-dd}; flags {@code true}/{@code false}. Rows of one
 * release must share its implementation date. Immutable.
 *
 * @param file the file name the rows were read from
 * @param version content hash of the file (first 16 hex digits of its SHA-256), recorded with every target
 * @param releases the rows in file order
 */
public record ReleaseCalendar(String file, String version, List<SecRelease> releases) {
    /** The calendar's file name in a rules directory. */
    public static final String FILE_NAME = "sec-releases.csv";
    /** The columns of the calendar. */
    public static final List<String> COLUMNS = List.of("release", "implementationDate", "decisionCutOff", "duisUplift",
            "dccSystemChanges", "source");

    public ReleaseCalendar {
        releases = List.copyOf(releases);
    }

    /**
     * Reads {@code sec-releases.csv} of a rules directory.
     *
     * @throws ReleaseCalendarException with file and line for a missing file, invalid CSV, a wrong header or a bad cell
     */
    public static ReleaseCalendar inRulesDirectory(Path rulesDir) {
        return read(rulesDir.resolve(FILE_NAME));
    }

    /**
     * Reads one calendar file.
     *
     * @throws ReleaseCalendarException with file and line for a missing file, invalid CSV, a wrong header or a bad cell
     */
    public static ReleaseCalendar read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReleaseCalendarException(name, 0, "cannot read the SEC Release calendar: " + e);
        }
        return parse(name, bytes);
    }

    /**
     * Parses calendar content.
     *
     * @param name the file name used in errors
     * @throws ReleaseCalendarException with file and line for invalid CSV, a wrong header or a bad cell
     */
    public static ReleaseCalendar parse(String name, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<SecRelease> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), ScenarioCsv.FORMAT)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(COLUMNS) || !COLUMNS.containsAll(header)) {
                throw new ReleaseCalendarException(name, ScenarioCsv.lineOf(text, 0), "header must have exactly the columns " + COLUMNS
                        + ", has " + header);
            }
            for (CSVRecord rec : parser) {
                long line = ScenarioCsv.lineOf(text, rec.getCharacterPosition());
                if (!rec.isConsistent()) {
                    throw new ReleaseCalendarException(name, line, "has " + rec.size() + " cells, the header " + COLUMNS.size());
                }
                rows.add(row(name, line, rec));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReleaseCalendarException(name, 0, "not a valid CSV file: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new ReleaseCalendarException(name, 0, "no release row");
        }
        Map<String, SecRelease> first = new HashMap<>();
        for (SecRelease r : rows) {
            SecRelease seen = first.putIfAbsent(r.release(), r);
            if (seen != null && !seen.implementationDate().equals(r.implementationDate())) {
                throw new ReleaseCalendarException(name, r.line(), "release '" + r.release() + "' is implemented on "
                        + r.implementationDate() + " here but on " + seen.implementationDate() + " at line " + seen.line());
            }
        }
        return new ReleaseCalendar(name, sha256(content), rows);
    }

    private static SecRelease row(String file, long line, CSVRecord rec) {
        String release = required(file, line, rec, "release");
        LocalDate implementation = date(file, line, rec, "implementationDate");
        LocalDate cutOff = date(file, line, rec, "decisionCutOff");
        try {
            return new SecRelease(release, implementation, cutOff, flag(file, line, rec, "duisUplift"),
                    flag(file, line, rec, "dccSystemChanges"), required(file, line, rec, "source"), line);
        } catch (IllegalArgumentException e) {
            throw new ReleaseCalendarException(file, line, e.getMessage());
        }
    }

    private static String required(String file, long line, CSVRecord rec, String column) {
        String v = rec.get(column);
        if (v == null || v.isBlank()) {
            throw new ReleaseCalendarException(file, line, "column " + column + " must not be empty");
        }
        return v.trim();
    }

    private static LocalDate date(String file, long line, CSVRecord rec, String column) {
        String v = required(file, line, rec, column);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ReleaseCalendarException(file, line, "column " + column + " is '" + v + "', expected a date yyyy-MM-dd");
        }
    }

    private static boolean flag(String file, long line, CSVRecord rec, String column) {
        String v = required(file, line, rec, column);
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ReleaseCalendarException(file, line, "column " + column + " is '" + v + "', expected true or false");
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
