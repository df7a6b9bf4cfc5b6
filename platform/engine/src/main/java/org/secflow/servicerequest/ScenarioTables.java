package org.secflow.servicerequest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the scenario tables {@code *.cases.csv} of a rules directory: one header row with exactly
 * {@link #COLUMNS} (any order), then one case a row. Blank lines and lines starting with {@code #} are skipped.
 * Flags are {@code true}/{@code false} (also {@code yes}/{@code no}; empty = false).
 *
 * <p>Any bad cell refuses the file with a {@link ScenarioTableException} naming the file, line and column.
 *
 * <p>Tables named {@code maintenance*.cases.csv} have other columns (one schedule window a row) and are read by
 * {@code org.secflow.maintenance.MaintenanceScenarios}, not here; tables named {@code credit-cover*.cases.csv} by
 * {@code org.secflow.creditcover.CreditCoverScenarios}.
 */
public final class ScenarioTables {
    /** The columns of every scenario table. */
    public static final List<String> COLUMNS = List.of("case", "srv", "role", "userParty", "deviceId", "deviceKnown",
            "deviceType", "altHanDevice", "altHanVariant", "tcsoReclassified", "hasMpan", "hasMprn", "importSupplier",
            "gasSupplier", "updateInProgress", "firmwareImageGiven", "imageKnown", "imageApplicable", "commsHubId",
            "type1DevicesOnHub", "addsType1Device", "expectedOutcome", "expectedRuleId");

    private static final String SUFFIX = ".cases.csv";
    /** Planned Maintenance tables, read by org.secflow.maintenance.MaintenanceScenarios. */
    private static final String MAINTENANCE_PREFIX = "maintenance";
    /** Credit Cover tables, read by org.secflow.creditcover.CreditCoverScenarios. */
    private static final String CREDIT_COVER_PREFIX = "credit-cover";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private ScenarioTables() {
    }

    /**
     * The Service Request scenario table files of {@code rulesDir} (not {@code maintenance*.cases.csv} nor {@code credit-cover*.cases.csv}), sorted by name.
     *
     * @throws ScenarioTableException when the directory cannot be listed
     */
    public static List<Path> files(Path rulesDir) {
        try (Stream<Path> list = Files.list(rulesDir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(MAINTENANCE_PREFIX))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith(CREDIT_COVER_PREFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScenarioTableException(rulesDir.toString(), 0, "cannot list: " + e.getMessage());
        }
    }

    /** Every case of every scenario table of {@code rulesDir}, file by file in name order. */
    public static List<ScenarioCase> readAll(Path rulesDir) {
        List<ScenarioCase> all = new ArrayList<>();
        for (Path f : files(rulesDir)) {
            all.addAll(read(f));
        }
        return all;
    }

    /**
     * The cases of one scenario table.
     *
     * @throws ScenarioTableException with file, line and column of the first bad cell
     */
    public static List<ScenarioCase> read(Path file) {
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
            checkHeader(name, parser.getHeaderNames());
            List<ScenarioCase> cases = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (CSVRecord rec : parser) {
                long line = lineOf(text, rec.getCharacterPosition());
                ScenarioCase c = toCase(name, line, rec);
                if (!names.add(c.name())) {
                    throw new ScenarioTableException(name, line, "case '" + c.name() + "' appears twice");
                }
                cases.add(c);
            }
            return cases;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV names the line in its message, e.g. an unclosed quote or a duplicate header
            throw new ScenarioTableException(name, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    private static void checkHeader(String file, List<String> header) {
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ScenarioTableException(file, 1, "header must have the columns " + COLUMNS
                    + (missing.isEmpty() ? "" : "; missing " + missing) + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
    }

    private static ScenarioCase toCase(String file, long line, CSVRecord rec) {
        if (!rec.isConsistent()) {
            throw new ScenarioTableException(file, line, "has " + rec.size() + " cells, the header " + COLUMNS.size());
        }
        Row r = new Row(file, line, rec);
        String caseName = r.required("case");
        String outcomeCell = r.required("expectedOutcome");
        ScenarioCase.Outcome outcome;
        try {
            outcome = ScenarioCase.Outcome.valueOf(outcomeCell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.bad("expectedOutcome", outcomeCell, "ACCEPTED or REJECTED");
        }
        try {
            return new ScenarioCase(file, line, caseName, r.required("srv"), r.text("role"), r.text("userParty"),
                    r.text("deviceId"), r.flag("deviceKnown"), r.text("deviceType"), r.flag("altHanDevice"),
                    r.text("altHanVariant"), r.flag("tcsoReclassified"), r.flag("hasMpan"), r.flag("hasMprn"),
                    r.text("importSupplier"), r.text("gasSupplier"), r.flag("updateInProgress"),
                    r.flag("firmwareImageGiven"), r.flag("imageKnown"), r.flag("imageApplicable"),
                    r.text("commsHubId"), r.count("type1DevicesOnHub"), r.flag("addsType1Device"), outcome,
                    r.text("expectedRuleId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScenarioTableException(file, line, "case '" + caseName + "': " + e.getMessage());
        }
    }

    /** 1-based line of a record; its character position may point at the comment or blank lines before it. */
    private static long lineOf(String text, long charPosition) {
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

    /** Typed access to the cells of one record. */
    private record Row(String file, long line, CSVRecord rec) {
        String text(String column) {
            String v = rec.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String required(String column) {
            String v = text(column);
            if (v == null) {
                throw new ScenarioTableException(file, line, "column " + column + " must not be empty");
            }
            return v;
        }

        boolean flag(String column) {
            String v = text(column);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw bad(column, v, "true or false");
            };
        }

        int count(String column) {
            String v = text(column);
            if (v == null) {
                return 0;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw bad(column, v, "a whole number");
            }
        }

        ScenarioTableException bad(String column, String value, String expected) {
            return new ScenarioTableException(file, line, "column " + column + " is '" + value + "', expected " + expected);
        }
    }
}
