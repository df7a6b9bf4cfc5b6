package org.secflow.servicerequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secflow.rules.scenario.Outcome;
import org.secflow.rules.scenario.ScenarioCsv;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * Reads the scenario tables {@code *.cases.csv} of a rules directory: one header row with exactly
 * {@link #COLUMNS} (any order), then one case a row. Blank lines and lines starting with {@code #} are skipped.
 * Flags are {@code true}/{@code false} (also {@code yes}/{@code no}; empty = false). The premises of the device are
 * given by its meter points ({@code mpan}, {@code exportMpan}, {@code mprn}: empty = none; none at all = the SMI
 * holds no premises for it, as for a missing device) and the Suppliers registered for them; {@code requestDate}
 * ({@code yyyy-MM-dd}) is the day appointments and consents are judged on. {@code role} may name several roles
 * (a User holding them all; {@code expectedRole} then says which one must be chosen).
 *
 * <p>Any bad cell refuses the file with a {@link ScenarioTableException} naming the file, line and column.
 *
 * <p>Tables named {@code maintenance*.cases.csv} have other columns (one schedule window a row) and are read by
 * {@code org.secflow.maintenance.MaintenanceScenarios}, not here; tables named {@code credit-cover*.cases.csv} by
 * {@code org.secflow.creditcover.CreditCoverScenarios}; tables named {@code tsat*.cases.csv} by
 * {@code org.secflow.tsat.TsatScenarios}; tables named {@code release-targeting*.cases.csv} by
 * {@code org.secflow.modification.ReleaseTargetingScenarios}.
 */
public final class ScenarioTables {
    /** The columns of every scenario table. */
    public static final List<String> COLUMNS = List.of("case", "srv", "role", "userParty", "deviceId", "deviceKnown",
            "deviceType", "altHanDevice", "altHanVariant", "tcsoReclassified", "mpan", "exportMpan", "mprn",
            "importSupplier", "exportSupplier", "gasSupplier", "requestDate", "updateInProgress", "firmwareImageGiven",
            "imageKnown", "imageApplicable", "commsHubId", "type1DevicesOnHub", "addsType1Device", "expectedOutcome",
            "expectedRuleId", "expectedRole");

    private ScenarioTables() {
    }

    /**
     * The Service Request scenario table files of {@code rulesDir} (not {@code maintenance*.cases.csv},
     * {@code credit-cover*.cases.csv} nor {@code release-targeting*.cases.csv}), sorted by name.
     *
     * @throws ScenarioTableException when the directory cannot be listed
     */
    public static List<Path> files(Path rulesDir) {
        return ScenarioCsv.tables(rulesDir, n -> !n.startsWith("maintenance") && !n.startsWith("credit-cover")
                && !n.startsWith("release-targeting") && !n.startsWith("tsat"));
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
        List<ScenarioCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ScenarioCsv.Row row : ScenarioCsv.rows(file, COLUMNS)) {
            ScenarioCase c = toCase(row);
            if (!names.add(c.name())) {
                throw new ScenarioTableException(row.file(), row.line(), "case '" + c.name() + "' appears twice");
            }
            cases.add(c);
        }
        return cases;
    }

    private static ScenarioCase toCase(ScenarioCsv.Row r) {
        String file = r.file();
        long line = r.line();
        String caseName = r.required("case");
        String outcomeCell = r.required("expectedOutcome");
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(outcomeCell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.bad("expectedOutcome", outcomeCell, "ACCEPTED or REJECTED");
        }
        try {
            return new ScenarioCase(file, line, caseName, r.required("srv"), r.cell("role"), r.cell("userParty"),
                    r.cell("deviceId"), r.flag("deviceKnown"), r.cell("deviceType"), r.flag("altHanDevice"),
                    r.cell("altHanVariant"), r.flag("tcsoReclassified"), r.cell("mpan"), r.cell("exportMpan"),
                    r.cell("mprn"), r.cell("importSupplier"), r.cell("exportSupplier"), r.cell("gasSupplier"),
                    day(r, "requestDate"), r.flag("updateInProgress"),
                    r.flag("firmwareImageGiven"), r.flag("imageKnown"), r.flag("imageApplicable"),
                    r.cell("commsHubId"), count(r, "type1DevicesOnHub"), r.flag("addsType1Device"), outcome,
                    r.cell("expectedRuleId"), r.cell("expectedRole"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScenarioTableException(file, line, "case '" + caseName + "': " + e.getMessage());
        }
    }

    private static java.time.LocalDate day(ScenarioCsv.Row r, String column) {
        String v = r.cell(column);
        if (v == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw r.bad(column, v, "a day yyyy-MM-dd or empty");
        }
    }

    private static int count(ScenarioCsv.Row r, String column) {
        String v = r.cell(column);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw r.bad(column, v, "a whole number");
        }
    }
}
