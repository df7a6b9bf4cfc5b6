package org.secflow.rules.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading of the scenario tables {@code rules/*.cases.csv} that every rule set keeps beside its rules (Commons
 * CSV): a header row with the table's columns in any order, then one row a line; blank lines and lines starting
 * with {@code #} are skipped; a UTF-8 byte-order mark is ignored. Every problem is a
 * {@link ScenarioTableException} with file and line.
 */
public final class ScenarioCsv {
    private static final String SUFFIX = ".cases.csv";
    /**
     * The CSV dialect of every table an analyst edits beside the rules (scenario tables, the SEC Release calendar):
     * header row, {@code #} comments, blank lines skipped, spaces around values trimmed.
     */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    /**
     * {@link #FORMAT}'s quoting (RFC 4180: a quoted cell may hold commas and doubled quotes) for a single line read on
     * its own: no header, no comments, values kept as written. For files read line by line, where the line number
     * matters (a rule file's row located for an error) or a row is looked up by its first cell.
     */
    private static final CSVFormat LINE = FORMAT.builder()
            .setHeader((String[]) null)
            .setSkipHeaderRecord(false)
            .setCommentMarker(null)
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private ScenarioCsv() {
    }

    /**
     * The cells of one CSV line, quoted as {@link #FORMAT} quotes; a blank line is one empty cell.
     *
     * @throws IllegalArgumentException when the line is not valid CSV on its own (an unclosed quote, text after a
     *     closing quote)
     */
    public static List<String> cells(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), LINE)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("not a CSV line: " + e.getMessage(), e);
        }
    }

    /**
     * The scenario tables of {@code rulesDir} whose lower-case file name passes {@code name}, sorted.
     *
     * @throws ScenarioTableException when the directory cannot be listed
     */
    public static List<Path> tables(Path rulesDir, Predicate<String> name) {
        try (Stream<Path> list = Files.list(rulesDir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(SUFFIX) && name.test(n);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScenarioTableException(rulesDir.toString(), 0, "cannot list: " + e.getMessage());
        }
    }

    /**
     * The rows of one table, each with its 1-based line.
     *
     * @param columns exactly the columns the header must have (any order)
     * @throws ScenarioTableException for an unreadable file, invalid CSV, a wrong header or a row with another
     *     number of cells than the header
     */
    public static List<Row> rows(Path file, List<String> columns) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioTableException(name, 0, "cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
            List<String> unknown = header.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw new ScenarioTableException(name, 1, "header must have the columns " + columns
                        + (missing.isEmpty() ? "" : "; missing " + missing) + (unknown.isEmpty() ? "" : "; unknown " + unknown));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                long line = lineOf(text, rec.getCharacterPosition());
                if (!rec.isConsistent()) {
                    throw new ScenarioTableException(name, line, "has " + rec.size() + " cells, the header " + columns.size());
                }
                rows.add(new Row(name, line, rec));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV names the line in its message, e.g. an unclosed quote or a duplicate header
            throw new ScenarioTableException(name, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    /**
     * 1-based line of a Commons CSV record in {@code text} ({@code #} comments and blank lines skipped): its
     * character position may point at the comment or blank lines before it. Also used for rules/sec-releases.csv.
     */
    public static long lineOf(String text, long charPosition) {
        int pos = (int) Math.min(charPosition, text.length());
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String l = (end < 0 ? text.substring(pos) : text.substring(pos, end)).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                break;
            }
            pos = end < 0 ? text.length() : end + 1;
        }
        long line = 1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * One row with typed access to its cells.
     *
     * @param file table file name
     * @param line 1-based line
     * @param record the CSV record
     */
    public record Row(String file, long line, CSVRecord record) {

        /** The trimmed cell, or null when empty. */
        public String cell(String column) {
            String v = record.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        /** The trimmed cell; an empty one is refused. */
        public String required(String column) {
            String v = cell(column);
            if (v == null) {
                throw new ScenarioTableException(file, line, "column " + column + " must not be empty");
            }
            return v;
        }

        /** {@code true}/{@code yes} or {@code false}/{@code no}; empty is false. */
        public boolean flag(String column) {
            String v = cell(column);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw bad(column, v, "true or false");
            };
        }

        /** The refusal of a cell, naming file, line, column, value and what was expected. */
        public ScenarioTableException bad(String column, String value, String expected) {
            return new ScenarioTableException(file, line, "column " + column + " is '" + value + "', expected " + expected);
        }
    }
}
