package org.secflow.tsat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * TSAT scenario tables: the files {@code tsat*.cases.csv} of a rules directory ({@link #COLUMNS}, any order), run
 * against the rules and the table {@code tsat.csv} of the same directory, in the engine tests and in
 * {@code secflow rules test}. A bad cell refuses the file naming file, line and column.
 */
public final class TsatScenarios {
    /** The columns of a TSAT scenario table. */
    public static final List<String> COLUMNS = List.of("case", "chtsVersion", "gbcsVersion", "date", "check",
            "expectedStatus", "expectedRuleId", "source");

    private TsatScenarios() {
    }

    /**
     * One case.
     *
     * @param installation {@code check} INSTALLATION (true) or MAINTENANCE (false)
     */
    public record Case(String file, long line, String name, String chtsVersion, String gbcsVersion, LocalDate date,
                       boolean installation, TsatStatus expectedStatus, String expectedRuleId, String source) {
        /** {@code file:line}. */
        public String location() {
            return file + ":" + line;
        }
    }

    /** What one case gave. */
    public record CaseResult(Case scenario, boolean passed, TsatVerdict verdict) {
        /** One line for a person. */
        public String describe() {
            return (passed ? "PASSED " : "FAILED ") + scenario.location() + " " + scenario.name() + ": expected "
                    + scenario.expectedStatus() + " by " + scenario.expectedRuleId() + ", got " + verdict.status() + " by "
                    + verdict.ruleId() + " (" + verdict.message() + ")";
        }
    }

    /** The TSAT scenario tables of {@code rulesDir}, sorted by name. */
    public static List<Path> files(Path rulesDir) {
        return ScenarioCsv.tables(rulesDir, n -> n.startsWith("tsat"));
    }

    /** Every case of every TSAT table of {@code rulesDir}. */
    public static List<Case> readAll(Path rulesDir) {
        List<Case> all = new ArrayList<>();
        for (Path f : files(rulesDir)) {
            all.addAll(read(f));
        }
        return all;
    }

    /** @throws ScenarioTableException with file, line and column of the first bad cell */
    public static List<Case> read(Path file) {
        List<Case> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            String name = row.required("case");
            if (!names.add(name)) {
                throw new ScenarioTableException(row.file(), row.line(), "case '" + name + "' appears twice");
            }
            String d = row.required("date");
            LocalDate date;
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw row.bad("date", d, "a date yyyy-MM-dd");
            }
            String check = row.required("check");
            if (!check.equals("INSTALLATION") && !check.equals("MAINTENANCE")) {
                throw row.bad("check", check, "INSTALLATION or MAINTENANCE");
            }
            String status = row.required("expectedStatus");
            TsatStatus expected;
            try {
                expected = TsatStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw row.bad("expectedStatus", status, "one of " + List.of(TsatStatus.values()));
            }
            cases.add(new Case(row.file(), row.line(), name, row.required("chtsVersion"), row.required("gbcsVersion"), date,
                    check.equals("INSTALLATION"), expected, row.required("expectedRuleId"), row.cell("source")));
        }
        return cases;
    }

    /** Runs every case against {@code rules} and the table of {@code rulesDir}. */
    public static List<CaseResult> runAll(LoadedRules rules, Path rulesDir, List<Case> cases) {
        TsatTable table = TsatTable.inRulesDirectory(rulesDir);
        return cases.stream().map(c -> {
            TsatVerdict v = TsatCheck.check(rules, table, c.chtsVersion(), c.gbcsVersion(), c.date(), c.installation());
            return new CaseResult(c, v.status() == c.expectedStatus() && v.ruleId().equals(c.expectedRuleId()), v);
        }).toList();
    }
}
