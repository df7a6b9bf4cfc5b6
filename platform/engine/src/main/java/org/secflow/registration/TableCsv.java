package org.secflow.registration;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.spi.Region;

/**
 * Reads one registration table (Commons CSV, the dialect of every table an analyst edits beside the rules,
 * {@link ScenarioCsv#FORMAT}: header row with exactly the table's columns, {@code #} comments and blank lines
 * skipped, spaces around values trimmed; lines counted as {@link ScenarioCsv#lineOf}).
 * Every problem is a {@link RegistrationTableException} with file and line.
 */
final class TableCsv {
    private TableCsv() {
    }

    /** The rows of {@code dir/name} mapped by {@code row}; a missing file is refused. */
    static <T> List<T> read(Path dir, String name, List<String> columns, Function<Row, T> row) {
        String text;
        try {
            text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RegistrationTableException(name, 0, "missing: the registration rules read it (see rules/README.md)");
        } catch (IOException e) {
            throw new RegistrationTableException(name, 0, "cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), ScenarioCsv.FORMAT)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(columns) || !columns.containsAll(header)) {
                throw new RegistrationTableException(name, 1, "header must have exactly the columns " + columns + ", has " + header);
            }
            List<T> out = new ArrayList<>();
            for (CSVRecord rec : parser) {
                Row r = new Row(name, ScenarioCsv.lineOf(text, rec.getCharacterPosition()), rec);
                if (!rec.isConsistent()) {
                    throw r.bad("has " + rec.size() + " cells, the header " + columns.size());
                }
                try {
                    out.add(row.apply(r));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw r.bad(e.getMessage());
                }
            }
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RegistrationTableException(name, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    /** One row with typed cells. */
    record Row(String file, long line, CSVRecord record) {
        String cell(String column) {
            String v = record.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String required(String column) {
            String v = cell(column);
            if (v == null) {
                throw bad("column " + column + " must not be empty");
            }
            return v;
        }

        Region region(String column) {
            String v = cell(column);
            if (v == null) {
                return null;
            }
            try {
                return Region.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("column " + column + " is '" + v + "', expected NORTH, CENTRAL, SOUTH or empty");
            }
        }

        LocalDate date(String column) {
            String v = cell(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw bad("column " + column + " is '" + v + "', expected a day yyyy-MM-dd or empty");
            }
        }

        long number(String column) {
            String v = required(column);
            if (!v.matches("\\d{1,18}")) {
                throw bad("column " + column + " is '" + v + "', expected a whole number");
            }
            return Long.parseLong(v);
        }

        RegistrationTableException bad(String problem) {
            return new RegistrationTableException(file, line, problem);
        }
    }
}
