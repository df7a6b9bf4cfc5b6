package org.secflow.modification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secflow.problem.InvalidFieldException;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * The recommended implementation approaches of the Modification Reports in our sources, as analysts keep them in
 * {@code rules/release-recommendations.csv}: one row per option, in each report's order ({@link #COLUMNS}). The
 * release-targeting scenario tables name a modification of this file in their {@code recommendation} column; the
 * example timelines ({@code examples/modifications/*.json}) carry the same options in their {@code recommendation}.
 */
public final class ReleaseRecommendations {
    /** The file's name in a rules directory. */
    public static final String FILE_NAME = "release-recommendations.csv";
    /** Its columns (any order). */
    public static final List<String> COLUMNS = List.of("modification", "option", "release", "implementationDate",
            "decisionCutOff", "cutOffIncluded", "leadTime", "leadTimeUnit", "adHoc", "source");

    private ReleaseRecommendations() {
    }

    /**
     * Every modification's recommendation in {@code rulesDir/release-recommendations.csv}; empty when the file is absent.
     *
     * @throws ScenarioTableException with file, line and column for a bad cell, options out of order or an invalid option
     */
    public static Map<String, ReleaseRecommendation> inRulesDirectory(Path rulesDir) {
        Path file = rulesDir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : Map.of();
    }

    /** @see #inRulesDirectory */
    public static Map<String, ReleaseRecommendation> read(Path file) {
        Map<String, List<RecommendedRelease>> options = new LinkedHashMap<>();
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            String modification = row.required("modification");
            List<RecommendedRelease> list = options.computeIfAbsent(modification, k -> new ArrayList<>());
            String option = row.required("option");
            if (!option.equals(Integer.toString(list.size() + 1))) {
                throw row.bad("option", option, (list.size() + 1) + ": the options of " + modification + " are numbered 1, 2, ... in order");
            }
            String lead = row.cell("leadTime");
            String unit = row.cell("leadTimeUnit");
            try {
                list.add(new RecommendedRelease(row.cell("release"), date(row, "implementationDate"), date(row, "decisionCutOff"),
                        row.cell("cutOffIncluded") == null ? null : row.flag("cutOffIncluded"),
                        lead == null ? null : Integer.valueOf(lead),
                        unit == null ? null : RecommendedRelease.LeadTimeUnit.parse(unit),
                        row.flag("adHoc"), row.cell("source")));
            } catch (NumberFormatException e) {
                throw row.bad("leadTime", lead, "a whole number");
            } catch (InvalidFieldException e) {
                throw new ScenarioTableException(row.file(), row.line(), e.getMessage() + ": " + e.rule());
            } catch (IllegalArgumentException e) {
                throw row.bad("leadTimeUnit", unit, "MONTHS or WORKING_DAYS");
            }
        }
        Map<String, ReleaseRecommendation> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k, new ReleaseRecommendation(v)));
        return out;
    }

    private static LocalDate date(ScenarioCsv.Row row, String column) {
        String v = row.cell(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw row.bad(column, v, "a date yyyy-MM-dd");
        }
    }
}
