package org.secflow.tsat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.servicerequest.ScenarioRunner;
import org.secflow.servicerequest.ScenarioTables;

/**
 * {@code rules/tsat.cases.csv} through the production rule loader (the real rules/ folder) against the real
 * {@code rules/tsat.csv}: every end date MP139 extends (SEC Panel paper, December 2020, MP139 section 3) the day
 * before, on and after.
 */
class TsatCasesTest {
    private final LoadedRules rules = RealRules.load();
    private final Path rulesDir = RealRules.dir();

    @Test
    void everyTsatRuleIsExpectedByACaseAndEveryRowCitesItsSource() {
        Set<String> ruleIds = rules.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(r -> r.getName()).filter(n -> n.startsWith("TSAT-")).collect(Collectors.toSet());
        assertThat(ruleIds).containsExactlyInAnyOrder("TSAT-UNKNOWN-VERSION", "TSAT-IVP", "TSAT-GBCS-APPLICABILITY", "TSAT-MVP",
                "TSAT-VALID");
        assertThat(TsatScenarios.readAll(rulesDir).stream().map(TsatScenarios.Case::expectedRuleId).collect(Collectors.toSet()))
                .containsAll(ruleIds);
        assertThat(TsatTable.inRulesDirectory(rulesDir).rows()).hasSize(4)
                .allSatisfy(r -> assertThat(r.source()).containsAnyOf("SEC Panel paper, December 2020", "NOT SOURCED"));
    }

    @Test
    void theServiceRequestTablesDoNotIncludeTheTsatTableAndStillPass() {
        assertThat(ScenarioTables.files(rulesDir)).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith("tsat"));
        assertThat(ScenarioRunner.runAll(rules, ScenarioTables.readAll(rulesDir)).failed()).isZero();
    }
}
