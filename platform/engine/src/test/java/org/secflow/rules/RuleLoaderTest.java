package org.secflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production {@link RuleLoader} over the real {@code rules/} directory and broken copies of it. */
class RuleLoaderTest {
    /** The repository's rules directory, set by surefire (platform/engine/pom.xml). */
    static Path realRules() {
        String dir = System.getProperty("secflow.rules");
        assertThat(dir).as("system property secflow.rules (set by surefire)").isNotNull();
        return Path.of(dir);
    }

    private final RuleLoader loader = new RuleLoader(Clock.systemUTC());

    @Test
    void loadsTheRealRulesWithOneRulePerSrvOfTheMatrix() {
        LoadedRules rules = loader.load(realRules());

        Map<String, RuleFileInfo> files = rules.files().stream()
                .collect(Collectors.toMap(RuleFileInfo::file, f -> f));
        assertThat(files.get("srv-applicability.drl.csv").ruleCount()).isEqualTo(129);
        assertThat(files.get("srv-applicability.drl.csv").kind()).isEqualTo("DECISION_TABLE");
        assertThat(files.get("srv-applicability.drl").ruleCount()).isEqualTo(5); // four checks and the lookup
        assertThat(files.get("alt-han.drl").ruleCount()).isEqualTo(8);
        assertThat(files.get("registered-supplier.drl").ruleCount()).isEqualTo(16); // 11 grants and 5 access checks
        assertThat(files.get("electricity-distributors.csv").kind()).isEqualTo("DATA_TABLE");
        assertThat(rules.version()).hasSize(16);
    }

    @Test
    void skipsScenarioTables() {
        LoadedRules rules = loader.load(realRules());

        assertThat(rules.files()).extracting(RuleFileInfo::file).noneMatch(f -> f.endsWith(".cases.csv"));
    }

    @Test
    void refusesABrokenDrlWithFileAndLine(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("alt-han.drl"), Files.readString(dir.resolve("alt-han.drl"))
                .replace("$r : ServiceRequestFact( srv == \"11.4\", tcsoReclassified )",
                        "$r : ServiceRequestFact( srv == \"11.4\", tcsoReclassified"));

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .isNotEmpty()
                        // Drools adds a line-less "Parser returned a null Package" after the parse error
                        .allSatisfy(err -> assertThat(err.file()).isEqualTo("alt-han.drl"))
                        .anySatisfy(err -> {
                            assertThat(err.line()).isPositive();
                            assertThat(err.message()).contains("ALTHAN-11.4-TCSO");
                        }));
    }

    @Test
    void refusesASpreadsheetNotNamedAsADecisionTable(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.write(dir.resolve("x.xlsx"), new byte[] {0x50, 0x4b, 0x03, 0x04});

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(err -> {
                            assertThat(err.file()).isEqualTo("x.xlsx");
                            assertThat(err.message()).contains("*.drl.xlsx");
                        }));
    }

    @Test
    void declaresTheDecisionGlobalOfTheServiceRequestRules() {
        assertThat(loader.load(realRules()).globals()).contains("decision");
    }

    @Test
    void refusesARuleThatMatchesTheDecisionAsAFactWithFileAndLine(@TempDir Path dir) throws IOException {
        copyRules(dir);
        // the pre-global style: it would compile, and never fire, because the decision is never inserted
        Files.writeString(dir.resolve("old-style.drl"), """
                package org.secflow.rules

                import org.secflow.servicerequest.*

                rule "OLD-STYLE"
                when
                    $r : ServiceRequestFact( srv == "8.7.2" )
                    $d : Decision()
                then
                    $d.reject("OLD-STYLE", "m", "s");
                end
                """);

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(err -> {
                            assertThat(err.file()).isEqualTo("old-style.drl");
                            assertThat(err.line()).isEqualTo(5);
                            assertThat(err.message()).contains("OLD-STYLE", "Decision()", "global Decision decision");
                        }));
    }

    @Test
    void findsTheLineOfARuleHeader() {
        byte[] drl = "package p\n\nrule \"A B\"\nwhen\nthen\nend\nrule C salience 1\nwhen\nthen\nend\n".getBytes();

        assertThat(RuleLoader.ruleLine(drl, "A B")).isEqualTo(3);
        assertThat(RuleLoader.ruleLine(drl, "C")).isEqualTo(7);
        assertThat(RuleLoader.ruleLine(drl, "D")).isZero();
        assertThat(RuleLoader.ruleLine(null, "A B")).isZero();
    }

    @Test
    void versionChangesWhenAFileChanges(@TempDir Path dir) throws IOException {
        copyRules(dir);
        String before = loader.load(dir).version();
        assertThat(loader.load(dir).version()).isEqualTo(before);

        Files.writeString(dir.resolve("registered-supplier.drl"), "\n// an analyst's note\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(loader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void refusesABadRegistrationTableRowWithFileAndLineAndCountsTheTablesInTheVersion(@TempDir Path dir) throws IOException {
        copyRules(dir);
        String before = loader.load(dir).version();
        Path table = dir.resolve("gas-networks.csv");
        String text = Files.readString(table);
        Files.writeString(table, text.replace("SOUTHERN,GDN-SOUTH,", "SOUTHERN,GDN-SOUTH-EAST,"));
        LoadedRules edited = loader.load(dir);
        assertThat(edited.version()).isNotEqualTo(before);
        assertThat(org.secflow.registration.RegistrationRuleData.of(edited).gtPartyOf("8123456789")).contains("GDN-SOUTH-EAST");

        String row = text.lines().filter(l -> l.startsWith("SCOTLAND,")).findFirst().orElseThrow();
        Files.writeString(table, text.replace(row, row.replace(",1000000000,", ",one,")));
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.file()).isEqualTo("gas-networks.csv");
                    assertThat(err.line()).isEqualTo(text.lines().toList().indexOf(row) + 1);
                    assertThat(err.message()).contains("mprn_from", "one");
                }));
    }

    @Test
    void reportsTheLineOfAMissingParenthesisAndNoLinelessParserEntry(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("probe.drl"), """
                package org.secflow.rules

                import org.secflow.servicerequest.*

                global Decision decision

                rule "PROBE"
                when
                    $r : ServiceRequestFact( srv == "8.2"
                then
                    decision.reject("PROBE", "m", "s");
                end
                """);

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .as(e.errors().toString())
                        .isNotEmpty()
                        .allSatisfy(err -> {
                            assertThat(err.file()).isEqualTo("probe.drl");
                            assertThat(err.line()).isEqualTo(9);
                            assertThat(err.message()).doesNotContain("null Package");
                        }));
    }

    @Test
    void locatesADecisionTableErrorByTheCellItsMessageNames() {
        // Drools' decision-table parser throws with the cell in the message; its line is not the table's
        RuleError err = RuleErrorLocator.locate("x.drl.csv", "a\nb\n".getBytes(), 0, 0,
                "Invalid column heading ACTON, should be CONDITION, ACTION or attribute, in cell C6");

        assertThat(err.line()).isEqualTo(6);
        assertThat(err.cell()).isEqualTo("C6");
    }

    @Test
    void locatesADecisionTableCompileErrorByTheRowOfItsRuleAndTheCellItQuotes() {
        byte[] csv = ("\"RuleTable T\",\"\"\n\"NAME\",\"CONDITION\"\n\"R1\",\"ok\"\n"
                + "\"R 2\",\"srv ==== 1\"\n").getBytes();
        RuleError err = RuleErrorLocator.locate("x.drl.csv", csv, 12, 3,
                "Unable to Analyse Expression srv ==== 1: [Rule name='R 2']");

        assertThat(err.line()).isEqualTo(4);
        assertThat(err.cell()).isEqualTo("B4");
    }

    private static void copyRules(Path to) throws IOException {
        try (var files = Files.list(realRules())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
