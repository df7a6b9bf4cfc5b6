package org.secflow.creditcover;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.DomainProblem;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * Credit Cover scenario tables: the files {@code credit-cover*.cases.csv} of a rules directory (skipped by
 * {@link org.secflow.servicerequest.ScenarioTables}). One header row with exactly {@link #COLUMNS} (any order), then
 * one row per case. {@code support} lists instruments separated by spaces, each {@code TYPE:amount[:expiresOn]}
 * (e.g. {@code LETTER_OF_CREDIT:5000.00:2026-06-30}); {@code pcg} is true/false; {@code expected*} cells left empty
 * are not checked; {@code expectedRuleIds} (space-separated) must all be among the rules that fired. Blank lines and
 * lines starting with {@code #} are skipped. A bad cell refuses the file with a {@link ScenarioTableException}.
 */
public final class CreditCoverScenarios {
    /** The columns of a Credit Cover scenario table. */
    public static final List<String> COLUMNS = List.of("case", "asOf", "maximumCreditValue", "score", "pcg",
            "parentMaximumCreditValue", "parentScore", "unpaidInvoiced", "estimatedCharges", "support", "shortfallSince",
            "paymentFailureNotifiedOn", "expectedRequirement", "expectedThreshold", "expectedSupportRequired", "expectedHeld",
            "expectedShortfall", "expectedDeadline", "expectedDefault", "expectedDrawableFrom", "expectedRuleIds");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();
    private static final CreditCoverRules RULES = new CreditCoverRules(new WorkingDays());

    private CreditCoverScenarios() {
    }

    /** Whether {@code file} is a Credit Cover scenario table (by name). */
    public static boolean isCreditCoverTable(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("credit-cover") && n.endsWith(".cases.csv");
    }

    /** The Credit Cover scenario tables of {@code rulesDir}, sorted by name. */
    public static List<Path> files(Path rulesDir) {
        try (Stream<Path> list = Files.list(rulesDir)) {
            return list.filter(Files::isRegularFile).filter(CreditCoverScenarios::isCreditCoverTable).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioTableException(rulesDir.toString(), 0, "cannot list: " + e.getMessage());
        }
    }

    /** Every case of every Credit Cover table of {@code rulesDir}. */
    public static List<CreditCoverCase> readAll(Path rulesDir) {
        List<CreditCoverCase> all = new ArrayList<>();
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
    public static List<CreditCoverCase> read(Path file) {
        List<CreditCoverCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            Row r = new Row(row.file(), row.line(), row.record());
            String name = row.file();
            long line = row.line();
            String caseName = r.required("case");
            if (!names.add(caseName)) {
                throw new ScenarioTableException(name, line, "case '" + caseName + "' appears twice");
            }
            LocalDate asOf = r.date("asOf", true);
            boolean pcg = Boolean.TRUE.equals(r.bool("pcg"));
            CreditCoverInputs in;
            try {
                in = new CreditCoverInputs("CASE", asOf, r.money("maximumCreditValue", true), r.integer("score", true),
                        pcg ? "PARENT" : null, pcg, r.money("parentMaximumCreditValue", false), r.integer("parentScore", false),
                        r.money("unpaidInvoiced", true), r.money("estimatedCharges", true), r.support(),
                        r.date("shortfallSince", false), r.date("paymentFailureNotifiedOn", false));
            } catch (NullPointerException | IllegalArgumentException e) {
                throw new ScenarioTableException(name, line, "case '" + caseName + "': " + e.getMessage());
            }
            String ids = r.cell("expectedRuleIds");
            cases.add(new CreditCoverCase(name, line, caseName, in, r.money("expectedRequirement", false),
                    r.money("expectedThreshold", false), r.bool("expectedSupportRequired"), r.money("expectedHeld", false),
                    r.money("expectedShortfall", false), r.date("expectedDeadline", false), r.bool("expectedDefault"),
                    "none".equals(r.cell("expectedDrawableFrom")) ? LocalDate.MIN : r.date("expectedDrawableFrom", false),
                    ids == null ? List.of() : Arrays.asList(ids.split("\\s+"))));
        }
        return cases;
    }

    /**
     * The result of one case.
     *
     * @param scenario the case
     * @param passed whether every expected value was met
     * @param outcome what the rules said
     * @param mismatches the expectations not met (empty when passed)
     */
    public record CaseResult(CreditCoverCase scenario, boolean passed, CreditCoverOutcome outcome, List<String> mismatches) {
        /** One line for a person: location, case, what differed. */
        public String describe() {
            return (passed ? "PASSED " : "FAILED ") + scenario.location() + " " + scenario.name()
                    + (passed ? "" : ": " + String.join("; ", mismatches)) + " (fired " + outcome.firedRuleIds() + ")";
        }
    }

    /** Runs one case against {@code rules}. */
    public static CaseResult run(LoadedRules rules, CreditCoverCase c) {
        CreditCoverOutcome o;
        try {
            o = RULES.evaluate(rules, c.inputs());
        } catch (DomainProblem e) {
            throw new ScenarioTableException(c.file(), c.line(), "case '" + c.name() + "': " + e.getMessage());
        }
        List<String> m = new ArrayList<>();
        check(m, "requirement", c.expectedRequirement(), o.requirement());
        check(m, "threshold", c.expectedThreshold(), o.threshold());
        check(m, "supportRequired", c.expectedSupportRequired(), o.supportRequired());
        check(m, "held", c.expectedHeld(), o.supportHeld());
        check(m, "shortfall", c.expectedShortfall(), o.shortfall());
        check(m, "deadline", c.expectedDeadline(), o.topUpDeadline());
        check(m, "default", c.expectedDefault(), o.eventOfDefault());
        if (c.expectedDrawableFrom() != null) {
            check(m, "drawableFrom", c.expectedDrawableFrom().equals(LocalDate.MIN) ? null : c.expectedDrawableFrom(), o.drawableFrom());
            if (c.expectedDrawableFrom().equals(LocalDate.MIN) && o.drawableFrom() != null) {
                m.add("drawableFrom expected none got " + o.drawableFrom());
            }
        }
        for (String id : c.expectedRuleIds()) {
            if (!o.firedRuleIds().contains(id)) {
                m.add("expected rule " + id + " to fire");
            }
        }
        return new CaseResult(c, m.isEmpty(), o, m);
    }

    /** Runs every case. */
    public static List<CaseResult> runAll(LoadedRules rules, List<CreditCoverCase> cases) {
        return cases.stream().map(c -> run(rules, c)).toList();
    }

    private static void check(List<String> mismatches, String what, Object expected, Object actual) {
        if (expected == null) {
            return;
        }
        boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a ? e.compareTo(a) == 0
                : Objects.equals(expected, actual);
        if (!same) {
            mismatches.add(what + " expected " + expected + " got " + actual);
        }
    }

    /** Reads the cells of one row. */
    private record Row(String file, long line, CSVRecord rec) {
        String cell(String column) {
            String v = rec.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String required(String column) {
            String v = cell(column);
            if (v == null) {
                throw new ScenarioTableException(file, line, "column " + column + " must not be empty");
            }
            return v;
        }

        LocalDate date(String column, boolean required) {
            String v = required ? required(column) : cell(column);
            try {
                return v == null ? null : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new ScenarioTableException(file, line, "column " + column + " is '" + v + "', expected a date like 2026-05-04");
            }
        }

        BigDecimal money(String column, boolean required) {
            String v = required ? required(column) : cell(column);
            try {
                return v == null ? null : Money.pounds(new BigDecimal(v), column);
            } catch (NumberFormatException | DomainProblem e) {
                throw new ScenarioTableException(file, line, "column " + column + " is '" + v + "', expected pounds like 1234.50");
            }
        }

        Integer integer(String column, boolean required) {
            String v = required ? required(column) : cell(column);
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new ScenarioTableException(file, line, "column " + column + " is '" + v + "', expected a whole number");
            }
        }

        Boolean bool(String column) {
            String v = cell(column);
            if (v == null) {
                return null;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) {
                return true;
            }
            if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) {
                return false;
            }
            throw new ScenarioTableException(file, line, "column " + column + " is '" + v + "', expected true or false");
        }

        List<CreditSupportInstrument> support() {
            String v = cell("support");
            List<CreditSupportInstrument> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            int n = 0;
            for (String item : v.split("\\s+")) {
                String[] p = item.split(":");
                try {
                    if (p.length < 2 || p.length > 3) {
                        throw new IllegalArgumentException("not TYPE:amount[:expiresOn]");
                    }
                    out.add(new CreditSupportInstrument("S" + (++n), CreditSupportType.valueOf(p[0]),
                            Money.pounds(new BigDecimal(p[1]), "support"), p.length == 3 ? LocalDate.parse(p[2]) : null));
                } catch (IllegalArgumentException | DateTimeParseException | DomainProblem e) {
                    throw new ScenarioTableException(file, line, "column support: '" + item + "' is not TYPE:amount[:expiresOn] "
                            + "with TYPE one of " + Arrays.toString(CreditSupportType.values()));
                }
            }
            return out;
        }
    }
}
