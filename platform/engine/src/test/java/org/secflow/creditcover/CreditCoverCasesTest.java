package org.secflow.creditcover;

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
import org.secflow.rules.RuleLoader;

/**
 * Every case of every {@code rules/credit-cover*.cases.csv}, run against the WHOLE real rule base loaded through the
 * production {@link RuleLoader}: one dynamic test per case.
 */
class CreditCoverCasesTest {
    private static Path rulesDir;
    private static LoadedRules rules;

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    @Test
    void everyCreditCoverRuleIsExpectedByACase() {
        Set<String> ruleIds = rules.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream()).map(r -> r.getName())
                .filter(n -> n.startsWith("CC-") && !n.startsWith("CC-FACTOR") && !n.startsWith("CC-CPI")
                        && !n.equals("CC-SUPPORT-COUNTED") && !n.equals("CC-SUPPORT-HELD"))
                .collect(Collectors.toSet());
        Set<String> expected = CreditCoverScenarios.readAll(rulesDir).stream()
                .flatMap(c -> c.expectedRuleIds().stream()).collect(Collectors.toSet());

        assertThat(ruleIds).contains("CC-VALUE-AT-RISK", "CC-UNSECURED-LIMIT-OWN", "CC-UNSECURED-LIMIT-PARENT",
                "CC-PCG-NOT-SUPPORT", "CC-REQUIREMENT", "CC-THRESHOLD", "CC-SUPPORT-REQUIRED", "CC-SUPPORT-EXPIRED",
                "CC-SHORTFALL", "CC-TOPUP-DEADLINE", "CC-EVENT-OF-DEFAULT", "CC-EXPIRY-NOTICE");
        assertThat(expected).containsAll(ruleIds);
    }

    @Test
    void recordsTheFactorRowAndCpiRowsThatDecided() {
        var c = CreditCoverScenarios.readAll(rulesDir).get(0);
        var result = CreditCoverScenarios.run(rules, c);
        assertThat(result.outcome().firedRuleIds()).anyMatch(id -> id.startsWith("CC-FACTOR score 80-100"))
                .anyMatch(id -> id.startsWith("CC-CPI 2014-10")).anyMatch(id -> id.startsWith("CC-CPI 2024-10"));
        assertThat(result.outcome().regulatoryYear()).isEqualTo("2025/26");
        assertThat(result.outcome().cpiMonth()).isEqualTo("2024-10");
    }
}
