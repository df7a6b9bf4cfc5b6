package org.secflow.maintenance;

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
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.rules.RuleLoader;
import org.secflow.rules.scenario.Outcome;

/**
 * Every case of every {@code rules/maintenance*.cases.csv}, run against the WHOLE real rule base loaded through the
 * production {@link RuleLoader}: one dynamic test per case.
 */
class MaintenanceCasesTest {
    private static Path rulesDir;
    private static LoadedRules rules;

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    @Test
    void everyReportingRuleIsExpectedByACase() {
        Set<String> ruleIds = rules.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream()).map(r -> r.getName())
                .filter(n -> n.startsWith("PM-") && !n.startsWith("PM-CLASSIFY-") && !n.equals("PM-RISK-SCORE"))
                .collect(Collectors.toSet());
        Set<String> expected = MaintenanceScenarios.readAll(rulesDir).stream()
                .map(MaintenanceCase::expectedRuleId).filter(id -> id != null).collect(Collectors.toSet());

        assertThat(ruleIds).contains("PM-WINDOW-HOURS", "PM-HIGH-WINDOWS", "PM-HIGH-TOTAL-HOURS", "PM-LOW-WINDOWS",
                "PM-LOW-DURATION", "PM-IMPACT-MISMATCH", "PM-LEAD-MONTHLY", "PM-LEAD-ADDITIONAL-LOW",
                "PM-LEAD-ADDITIONAL-HIGH", "PM-ADVICE-0200");
        assertThat(expected).containsAll(ruleIds);
    }

    @Test
    void everyTableHasAcceptedAndRejectedCases() {
        for (Path table : MaintenanceScenarios.files(rulesDir)) {
            assertThat(MaintenanceScenarios.read(table).stream().map(MaintenanceCase::expectedOutcome).collect(Collectors.toSet()))
                    .as(table.getFileName().toString()).containsExactlyInAnyOrder(Outcome.values());
        }
    }

    @Test
    void reportsTheChangeRiskCalculatorScoreBesideTheClassification() {
        ProposedSchedule s = new ProposedSchedule("2027-03", "2027-01-15", List.of(
                new ProposedWindow("H1", "2027-03-06T22:00", "2027-03-07T01:00", null, List.of("END_TO_END_COMMUNICATIONS"),
                        true, "core release", null, "HIGH"),
                new ProposedWindow("L1", "2027-03-09T22:00", "2027-03-09T22:05", null, List.of("SELF_SERVICE_INTERFACE"),
                        true, "SSI patch", null, "LOW"),
                new ProposedWindow("L2", "2027-03-10T22:00", "2027-03-10T23:00", null, List.of(), false, "no complexity given",
                        null, null)));
        ScheduleValidation v = new MaintenanceRules(new WorkingDays()).evaluate(rules, ScheduleParser.parse(s));

        assertThat(v.windows()).extracting(WindowAssessment::id, WindowAssessment::classification, WindowAssessment::riskScore)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("H1", Impact.HIGH, 4 * 10 * 5 * 5),
                        org.assertj.core.groups.Tuple.tuple("L1", Impact.LOW, 1 * 10 * 2 * 1),
                        org.assertj.core.groups.Tuple.tuple("L2", Impact.LOW, null));
        assertThat(v.valid()).isTrue();
        assertThat(v.ruleSetVersion()).isEqualTo(rules.version());
    }
}
