package org.secflow.tsat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * The TSAT table "CHTS and Relevant Versions of GBCS" (SEC Schedule 11) as analysts keep it in {@code rules/tsat.csv}:
 * plain data beside the rules ({@link #COLUMNS}, any order; dates {@code yyyy-MM-dd}; an empty end date is "Not
 * determined"; {@code #} lines are comments). Read at every check, so an edit counts from the next one. One row per
 * CHTS and GBCS version pair.
 *
 * @param file file name
 * @param rows the rows in file order
 */
public record TsatTable(String file, List<TsatRow> rows) {
    /** The table's name in a rules directory. */
    public static final String FILE_NAME = "tsat.csv";
    /** Its columns. */
    public static final List<String> COLUMNS = List.of("chtsVersion", "gbcsVersion", "installationStart", "installationEnd",
            "maintenanceStart", "maintenanceEnd", "applicabilityStart", "applicabilityEnd", "source");

    public TsatTable {
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code rulesDir/tsat.csv}.
     *
     * @throws ScenarioTableException naming file, line and column of a bad cell, a duplicate pair or a missing file
     */
    public static TsatTable inRulesDirectory(Path rulesDir) {
        return read(rulesDir.resolve(FILE_NAME));
    }

    /** @see #inRulesDirectory */
    public static TsatTable read(Path file) {
        List<TsatRow> rows = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (ScenarioCsv.Row r : ScenarioCsv.rows(file, COLUMNS)) {
            String chts = r.required("chtsVersion");
            String gbcs = r.required("gbcsVersion");
            if (!pairs.add(chts + "/" + gbcs)) {
                throw new ScenarioTableException(r.file(), r.line(), "CHTS " + chts + " with GBCS " + gbcs + " appears twice");
            }
            try {
                rows.add(new TsatRow(chts, gbcs, date(r, "installationStart", true), date(r, "installationEnd", false),
                        date(r, "maintenanceStart", true), date(r, "maintenanceEnd", false), date(r, "applicabilityStart", true),
                        date(r, "applicabilityEnd", false), r.required("source"), r.line()));
            } catch (IllegalArgumentException e) {
                throw new ScenarioTableException(r.file(), r.line(), e.getMessage());
            }
        }
        return new TsatTable(file.getFileName().toString(), rows);
    }

    private static LocalDate date(ScenarioCsv.Row r, String column, boolean required) {
        String v = required ? r.required(column) : r.cell(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.bad(column, v, "a date yyyy-MM-dd, or empty for 'Not determined'");
        }
    }
}
