package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.servicerequest.ScenarioRunner;
import org.secflow.servicerequest.ScenarioTables;

/**
 * Every case of every {@code rules/release-targeting*.cases.csv}, run against the WHOLE real rule base loaded
 * through the production RuleLoader and the real calendar rules/sec-releases.csv: one dynamic test per case.
 */
class ReleaseTargetingCasesTest {
    private static Path rulesDir;
    private static LoadedRules rules;

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    @Test
    void everyReleaseTargetingRuleIsExpectedByACase() {
        Set<String> ruleIds = rules.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream()).map(r -> r.getName())
                .filter(n -> n.startsWith("RT-")).collect(Collectors.toSet());
        Set<String> expected = ReleaseTargetingScenarios.readAll(rulesDir).stream()
                .map(ReleaseTargetingCase::expectedRuleId).collect(Collectors.toSet());

        assertThat(ruleIds).containsExactlyInAnyOrder("RT-RECOMMENDED-RELEASE", "RT-RECOMMENDED-AD-HOC", "RT-RECOMMENDED-LEAD-TIME",
                "RT-RECOMMENDED-LEAD-TIME-NO-RELEASE", "RT-SCHEDULED-RELEASE", "RT-NO-RELEASE-FITS", "RT-AD-HOC");
        assertThat(expected).containsAll(ruleIds);
    }

    @Test
    void theServiceRequestTablesDoNotIncludeTheReleaseTargetingTable() {
        assertThat(ScenarioTables.files(rulesDir)).extracting(p -> p.getFileName().toString())
                .noneMatch(ReleaseTargetingScenarios::isReleaseTargetingTable);
    }
}
