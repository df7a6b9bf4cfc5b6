package org.secflow.maintenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.BadRequestException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;
import org.secflow.rules.scenario.Outcome;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * Planned Maintenance scenario tables: the files {@code maintenance*.cases.csv} of a rules directory (every other
 * {@code *.cases.csv} is a Service Request table, {@link org.secflow.servicerequest.ScenarioTables}). One header
 * row with exactly {@link #COLUMNS} (any order), then one row per WINDOW: consecutive rows with the same
 * {@code case} form one schedule. {@code month}, {@code publishedOn}, {@code expectedOutcome} and
 * {@code expectedRuleId} are read from a case's first row (later rows leave them empty or repeat them);
 * {@code disrupts} is space-separated; {@code expectedClass} (HIGH/LOW, optional) is checked per window. Blank lines
 * and lines starting with {@code #} are skipped. A bad cell refuses the file with a {@link ScenarioTableException}
 * naming file, line and column.
 */
public final class MaintenanceScenarios {
    /** The columns of a Planned Maintenance scenario table. */
    public static final List<String> COLUMNS = List.of("case", "month", "publishedOn", "window", "start", "end", "impact",
            "disrupts", "consumerAffecting", "kind", "complexity", "expectedClass", "expectedOutcome", "expectedRuleId");

    private static final MaintenanceRules RULES = new MaintenanceRules(new WorkingDays());

    private MaintenanceScenarios() {
    }

    /** Whether {@code file} is a Planned Maintenance scenario table (by name). */
    public static boolean isMaintenanceTable(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("maintenance") && n.endsWith(".cases.csv");
    }

    /** The Planned Maintenance scenario tables of {@code rulesDir}, sorted by name. */
    public static List<Path> files(Path rulesDir) {
        return ScenarioCsv.tables(rulesDir, n -> n.startsWith("maintenance"));
    }

    /** Every case of every Planned Maintenance table of {@code rulesDir}. */
    public static List<MaintenanceCase> readAll(Path rulesDir) {
        List<MaintenanceCase> all = new ArrayList<>();
        for (Path f : files(rulesDir)) {
            all.addAll(read(f));
        }
        return all;
    }

    /**
     * The cases of one table.
     *
     * @throws ScenarioTableException with file, line and column of the first bad cell
     */
    public static List<MaintenanceCase> read(Path file) {
        List<MaintenanceCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Builder current = null;
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            String caseName = row.required("case");
            if (current == null || !current.name.equals(caseName)) {
                if (current != null) {
                    cases.add(current.build());
                }
                if (!names.add(caseName)) {
                    throw new ScenarioTableException(row.file(), row.line(), "case '" + caseName + "' appears twice (its rows must be consecutive)");
                }
                current = new Builder(row.file(), row.line(), caseName, row.record());
            }
            current.add(row.line(), row.record());
        }
        if (current != null) {
            cases.add(current.build());
        }
        return cases;
    }

    /**
     * The result of one case.
     *
     * @param scenario the case
     * @param passed whether the rules gave the expected outcome, rule id and classifications
     * @param validation what the rules said
     */
    public record CaseResult(MaintenanceCase scenario, boolean passed, ScheduleValidation validation) {
        /** One line for a person: location, case, expected and actual. */
        public String describe() {
            MaintenanceCase c = scenario;
            Outcome actual = validation.valid() ? Outcome.ACCEPTED : Outcome.REJECTED;
            return (passed ? "PASSED " : "FAILED ") + c.location() + " " + c.name() + ": expected " + c.expectedOutcome()
                    + (c.expectedRuleId() == null ? "" : " " + c.expectedRuleId())
                    + (c.expectedClasses().isEmpty() ? "" : " " + new java.util.TreeMap<>(c.expectedClasses()))
                    + ", got " + actual + " violations " + validation.violations().stream().map(RuleFinding::ruleId).toList()
                    + " warnings " + validation.warnings().stream().map(RuleFinding::ruleId).toList()
                    + " classes " + validation.windows().stream().map(w -> w.id() + "=" + w.classification()).toList();
        }
    }

    /** Runs one case against {@code rules}. */
    public static CaseResult run(LoadedRules rules, MaintenanceCase c) {
        ParsedSchedule parsed;
        try {
            parsed = ScheduleParser.parse(c.schedule());
        } catch (BadRequestException e) {
            throw new ScenarioTableException(c.file(), c.line(), "case '" + c.name() + "': " + e.field() + ": " + e.getMessage());
        }
        ScheduleValidation v = RULES.evaluate(rules, parsed);
        boolean outcome = (c.expectedOutcome() == Outcome.ACCEPTED) == v.valid();
        List<RuleFinding> where = c.expectedOutcome() == Outcome.ACCEPTED ? v.warnings() : v.violations();
        boolean rule = c.expectedRuleId() == null || where.stream().anyMatch(f -> f.ruleId().equals(c.expectedRuleId()));
        boolean classes = v.windows().stream().allMatch(w -> !c.expectedClasses().containsKey(w.id())
                || c.expectedClasses().get(w.id()) == w.classification());
        return new CaseResult(c, outcome && rule && classes, v);
    }

    /** Runs every case. */
    public static List<CaseResult> runAll(LoadedRules rules, List<MaintenanceCase> cases) {
        return cases.stream().map(c -> run(rules, c)).toList();
    }

    private static String cell(CSVRecord rec, String column) {
        String v = rec.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Collects the rows of one case. */
    private static final class Builder {
        private final String file;
        private final long line;
        private final String name;
        private final String month;
        private final String publishedOn;
        private final Outcome outcome;
        private final String ruleId;
        private final List<ProposedWindow> windows = new ArrayList<>();
        private final Map<String, Impact> classes = new LinkedHashMap<>();

        Builder(String file, long line, String name, CSVRecord first) {
            this.file = file;
            this.line = line;
            this.name = name;
            this.month = cell(first, "month");
            this.publishedOn = cell(first, "publishedOn");
            String o = cell(first, "expectedOutcome");
            try {
                this.outcome = Outcome.valueOf(o == null ? "" : o.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ScenarioTableException(file, line, "column expectedOutcome is '" + o + "', expected ACCEPTED or REJECTED");
            }
            this.ruleId = cell(first, "expectedRuleId");
        }

        void add(long rowLine, CSVRecord rec) {
            for (String col : List.of("month", "publishedOn", "expectedOutcome", "expectedRuleId")) {
                String v = cell(rec, col);
                String first = switch (col) {
                    case "month" -> month;
                    case "publishedOn" -> publishedOn;
                    case "expectedOutcome" -> outcome.name();
                    default -> ruleId;
                };
                if (v != null && !v.equalsIgnoreCase(String.valueOf(first))) {
                    throw new ScenarioTableException(file, rowLine, "column " + col + " is '" + v + "' but the case's first row says '" + first + "'");
                }
            }
            String id = cell(rec, "window");
            if (id == null) {
                throw new ScenarioTableException(file, rowLine, "column window must not be empty");
            }
            String consumer = cell(rec, "consumerAffecting");
            Boolean consumerAffecting;
            if (consumer == null || consumer.equalsIgnoreCase("false") || consumer.equalsIgnoreCase("no")) {
                consumerAffecting = false;
            } else if (consumer.equalsIgnoreCase("true") || consumer.equalsIgnoreCase("yes")) {
                consumerAffecting = true;
            } else {
                throw new ScenarioTableException(file, rowLine, "column consumerAffecting is '" + consumer + "', expected true or false");
            }
            String disrupts = cell(rec, "disrupts");
            windows.add(new ProposedWindow(id, cell(rec, "start"), cell(rec, "end"), cell(rec, "impact"),
                    disrupts == null ? List.of() : Arrays.asList(disrupts.split("\\s+")), consumerAffecting,
                    "case " + name + " window " + id, cell(rec, "kind"), cell(rec, "complexity")));
            String expectedClass = cell(rec, "expectedClass");
            if (expectedClass != null) {
                try {
                    classes.put(id, Impact.valueOf(expectedClass.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioTableException(file, rowLine, "column expectedClass is '" + expectedClass + "', expected HIGH or LOW");
                }
            }
        }

        MaintenanceCase build() {
            try {
                return new MaintenanceCase(file, line, name, new ProposedSchedule(month, publishedOn, windows), classes, outcome, ruleId);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ScenarioTableException(file, line, "case '" + name + "': " + e.getMessage());
            }
        }
    }
}
