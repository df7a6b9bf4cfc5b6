package org.secflow.modification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * Release-targeting scenario tables: the files {@code release-targeting*.cases.csv} of a rules directory (every
 * other {@code *.cases.csv} belongs to another rule set). One header row with exactly {@link #COLUMNS} (any order),
 * one case a row, run against the rules, the calendar {@code sec-releases.csv} and the recommendations
 * {@code release-recommendations.csv} of the same directory ({@code recommendation} names a modification there; empty:
 * the calendar alone). A bad cell
 * refuses the file with a {@link ScenarioTableException} naming file, line and column.
 */
public final class ReleaseTargetingScenarios {
    /** The columns of a release-targeting scenario table. */
    public static final List<String> COLUMNS = List.of("case", "recommendation", "decisionDate", "duisUplift", "dccSystemChanges",
            "adHocWorkingDays", "expectedRelease", "expectedImplementationDate", "expectedRuleId", "source");

    private static final ReleaseTargeting TARGETING = new ReleaseTargeting(new WorkingDays());

    private ReleaseTargetingScenarios() {
    }

    /** Whether {@code name} (lower case) is a release-targeting scenario table. */
    public static boolean isReleaseTargetingTable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("release-targeting") && n.endsWith(".cases.csv");
    }

    /** The release-targeting scenario tables of {@code rulesDir}, sorted by name. */
    public static List<Path> files(Path rulesDir) {
        return ScenarioCsv.tables(rulesDir, n -> n.startsWith("release-targeting"));
    }

    /** Every case of every release-targeting table of {@code rulesDir}. */
    public static List<ReleaseTargetingCase> readAll(Path rulesDir) {
        List<ReleaseTargetingCase> all = new ArrayList<>();
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
    public static List<ReleaseTargetingCase> read(Path file) {
        java.util.Map<String, ReleaseRecommendation> recommendations = ReleaseRecommendations.inRulesDirectory(file.toAbsolutePath().getParent());
        List<ReleaseTargetingCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            String name = row.required("case");
            if (!names.add(name)) {
                throw new ScenarioTableException(row.file(), row.line(), "case '" + name + "' appears twice");
            }
            String offset = row.cell("adHocWorkingDays");
            ReleaseScope scope;
            try {
                scope = new ReleaseScope(row.flag("duisUplift"), row.flag("dccSystemChanges"),
                        offset == null ? null : Integer.valueOf(offset));
            } catch (IllegalArgumentException e) {
                throw row.bad("adHocWorkingDays", offset, "a whole number of Working Days, at least 1");
            }
            String release = row.cell("expectedRelease");
            LocalDate implementation = date(row, "expectedImplementationDate", false);
            if ((release == null) != (implementation == null)) {
                throw new ScenarioTableException(row.file(), row.line(),
                        "expectedRelease and expectedImplementationDate are given together or both left empty");
            }
            String recommended = row.cell("recommendation");
            ReleaseRecommendation recommendation = ReleaseRecommendation.NONE;
            if (recommended != null) {
                recommendation = recommendations.get(recommended);
                if (recommendation == null) {
                    throw row.bad("recommendation", recommended, "a modification of " + ReleaseRecommendations.FILE_NAME
                            + " " + recommendations.keySet() + ", or empty for the calendar alone");
                }
            }
            cases.add(new ReleaseTargetingCase(row.file(), row.line(), name, recommended, recommendation,
                    date(row, "decisionDate", true), scope, release, implementation, row.required("expectedRuleId"), row.cell("source")));
        }
        return cases;
    }

    /**
     * The result of one case.
     *
     * @param scenario the case
     * @param passed whether the rules chose the expected release, day and rule
     * @param target what they chose, null when nothing fitted
     * @param refusal why nothing fitted, null when a release was chosen
     */
    public record CaseResult(ReleaseTargetingCase scenario, boolean passed, TargetRelease target, NoReleaseFitsException refusal) {
        /** One line for a person: location, case, expected and actual. */
        public String describe() {
            ReleaseTargetingCase c = scenario;
            String expected = c.expectedRelease() == null ? "no release" : c.expectedRelease() + " on " + c.expectedImplementationDate();
            String actual = target != null ? target.release() + " on " + target.implementationDate() + " by " + target.ruleId()
                    : "no release by " + refusal.ruleId() + ": " + refusal.getMessage();
            return (passed ? "PASSED " : "FAILED ") + c.location() + " " + c.name() + ": expected " + expected + " by "
                    + c.expectedRuleId() + ", got " + actual;
        }
    }

    /** Runs one case against {@code rules} and the calendar of {@code rulesDir}. */
    public static CaseResult run(LoadedRules rules, Path rulesDir, ReleaseTargetingCase c) {
        try {
            TargetRelease t = TARGETING.target(rules, rulesDir, c.decisionDate(), c.scope(), c.recommendation());
            boolean passed = c.expectedRelease() != null && c.expectedRelease().equals(t.release())
                    && c.expectedImplementationDate().equals(t.implementationDate()) && c.expectedRuleId().equals(t.ruleId());
            return new CaseResult(c, passed, t, null);
        } catch (NoReleaseFitsException e) {
            return new CaseResult(c, c.expectedRelease() == null && Objects.equals(c.expectedRuleId(), e.ruleId()), null, e);
        }
    }

    /** Runs every case. */
    public static List<CaseResult> runAll(LoadedRules rules, Path rulesDir, List<ReleaseTargetingCase> cases) {
        return cases.stream().map(c -> run(rules, rulesDir, c)).toList();
    }

    private static LocalDate date(ScenarioCsv.Row row, String column, boolean required) {
        String v = required ? row.required(column) : row.cell(column);
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
