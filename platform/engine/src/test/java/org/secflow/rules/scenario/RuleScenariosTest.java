package org.secflow.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.RuleLoader;

/**
 * Every case of every {@code rules/*.cases.csv}, whatever its feature, run against the WHOLE real rule base loaded
 * through the production {@link RuleLoader}: one dynamic test per case, grouped by scenario table. All features'
 * cases share one rule base, so a rule of one feature that reads another's facts fails here.
 */
class RuleScenariosTest {
    private static Path rulesDir;
    private static LoadedRules rules;

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    @TestFactory
    Stream<DynamicContainer> everyCaseOfEveryScenarioTableGivesItsExpectedResult() {
        List<ScenarioDirectory.Table> tables = ScenarioDirectory.in(rulesDir, RuleFeature.installed());
        return tables.stream().map(table -> dynamicContainer(table.file().getFileName() + " (" + table.feature().title() + ")",
                table.scenarios().stream().map(c -> dynamicTest(c.name() + " (" + c.file() + ":" + c.line() + ")", () -> {
                    ScenarioResult result = c.run(rules);
                    assertThat(result.passed()).as(result.description()).isTrue();
                }))));
    }

    @Test
    void everyScenarioTableOfTheRulesDirectoryIsClaimedByItsFeature() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(rulesDir)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cases.csv")).sorted().toList();
        }
        List<ScenarioDirectory.Table> tables = ScenarioDirectory.in(rulesDir, RuleFeature.installed());

        assertThat(tables).extracting(t -> t.file().getFileName().toString()).containsExactlyElementsOf(files);
        assertThat(tables).extracting(t -> t.file().getFileName().toString() + "=" + t.feature().title())
                .contains("alt-han.cases.csv=Service Request", "registered-supplier.cases.csv=Service Request",
                        "srv-applicability.cases.csv=Service Request", "maintenance.cases.csv=Planned Maintenance",
                        "credit-cover.cases.csv=Credit Cover", "release-targeting.cases.csv=SEC Release targeting",
                        "tsat.cases.csv=TSAT");
        assertThat(tables).allSatisfy(t -> assertThat(t.scenarios()).as(t.file().toString()).isNotEmpty());
    }

    @Test
    void theLongestPrefixClaimsATableAndATableNoFeatureClaimsIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("maintenance-extra.cases.csv"), "case\n");
        Files.writeString(dir.resolve("other.cases.csv"), "case\n");
        RuleFeature any = feature("", "any");
        RuleFeature maintenance = feature("maintenance", "maintenance");

        assertThat(ScenarioDirectory.in(dir, List.of(any, maintenance))).extracting(t -> t.feature().title())
                .containsExactly("maintenance", "any");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ScenarioDirectory.in(dir, List.of(maintenance)), ScenarioTableException.class))
                .hasMessage("other.cases.csv: no rule feature reads this scenario table");
    }

    @Test
    void theServiceRequestDecisionReachesTheRulesOnlyAsAGlobal() {
        assertThat(RuleFeature.installed()).flatExtracting(f -> f.globalOnlyTypes().entrySet().stream().toList())
                .extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("org.secflow.servicerequest.Decision=decision");
    }

    private static RuleFeature feature(String prefix, String title) {
        return new RuleFeature() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String scenarioTablePrefix() {
                return prefix;
            }

            @Override
            public List<Scenario> scenarios(Path table, Path dir) {
                return List.of();
            }
        };
    }
}
