package org.secflow.servicerequest;

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
import org.secflow.rules.scenario.Outcome;

/**
 * Every case of every {@code rules/*.cases.csv}, run against the WHOLE real rule base loaded through the production
 * {@link RuleLoader}: one dynamic test per case, grouped by scenario table.
 */
class RuleSetCasesTest {
    private static Path rulesDir;
    private static LoadedRules rules;

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    @Test
    void everyScenarioTableHasAcceptedAndRejectedCases() {
        for (Path table : ScenarioTables.files(rulesDir)) {
            Set<Outcome> outcomes = ScenarioTables.read(table).stream()
                    .map(ScenarioCase::expectedOutcome).collect(Collectors.toSet());
            assertThat(outcomes).as(table.getFileName().toString()).containsExactlyInAnyOrder(Outcome.values());
        }
    }

    @Test
    void everyDrlRuleIdIsExpectedByARejectedCase() {
        // DRL rule names are rule ids (no spaces); decision table rules are named "SRV <srv> <name>". The Planned
        // Maintenance rules (PM-*, rules/maintenance.drl) have their own tables: MaintenanceCasesTest; so have the Credit
        // Cover rules (CC-*, rules/credit-cover.drl and its decision tables): CreditCoverCasesTest; so have the release
        // targeting rules (RT-*, rules/release-targeting.drl): org.secflow.modification.ReleaseTargetingCasesTest; so have
        // the TSAT rules (TSAT-*, rules/tsat.drl): org.secflow.tsat.TsatCasesTest.
        Set<String> ruleIds = rules.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream()).map(r -> r.getName())
                .filter(n -> !n.contains(" ") && !n.startsWith("PM-") && !n.startsWith("CC-") && !n.startsWith("RT-")
                        && !n.startsWith("TSAT-"))
                .collect(Collectors.toSet());
        Set<String> expected = ScenarioTables.readAll(rulesDir).stream()
                .map(ScenarioCase::expectedRuleId).filter(id -> id != null).collect(Collectors.toSet());

        assertThat(ruleIds).hasSize(17);
        assertThat(expected).containsAll(ruleIds);
    }

    @Test
    void everyEvaluationLeavesOnlyTheStandingApplicabilitySoTheNextDecidesAlone() {
        // a request or lookup left behind would join the next request's facts (a role check would fire twice); only
        // the SrvApplicability of each SRV seen stays (StandingFact), one per SRV, and the next request for the same
        // SRV decides exactly as the first did, now without its table row firing
        List<ScenarioCase> all = ScenarioTables.read(rulesDir.resolve("srv-applicability.cases.csv"));
        assertThat(all).hasSizeGreaterThan(3);
        for (ScenarioCase c : all) {
            assertThat(ScenarioRunner.run(rules, c).passed()).as(c.name()).isTrue();
            assertThat(ScenarioRunner.run(rules, c).passed()).as(c.name() + ", again").isTrue();
            var left = rules.sessions().get().getObjects();
            assertThat(left).as(c.name()).allSatisfy(o -> assertThat(o).isInstanceOf(SrvApplicability.class));
            assertThat(left.stream().map(o -> ((SrvApplicability) o).getSrv())).as(c.name()).doesNotHaveDuplicates();
        }
        assertThat(rules.sessions().get().getObjects()).isNotEmpty();
        ServiceRequestFact unknown = new ServiceRequestFact();
        unknown.setSrv("99.9");
        unknown.setRole("IS");
        assertThat(RuleEvaluator.evaluate(rules, unknown).getViolations()).extracting(v -> v.ruleId())
                .containsExactly("SRV-UNKNOWN");
    }

    @Test
    void summaryCountsEveryCase() {
        List<ScenarioCase> all = ScenarioTables.readAll(rulesDir);
        ScenarioRunner.Summary summary = ScenarioRunner.runAll(rules, all);

        assertThat(summary.total()).isEqualTo(all.size());
        assertThat(summary.failures()).as(summary.toString()).isEmpty();
        assertThat(summary.rulesVersion()).isEqualTo(rules.version());
    }

    @Test
    void aMissingAndAForeignDeviceGetTheSameSingleFindingInEveryRole() {
        for (String role : List.of("IS", "ES", "GS", "ED", "GT", "RSA", "OU")) {
            for (String srv : List.of("8.2", "1.1.1", "99.9")) { // open to every role, open to few, no SRV at all
                ServiceRequestFact missing = fact(srv, role);
                ServiceRequestFact foreign = fact(srv, role);
                foreign.setDeviceKnown(true);
                foreign.setDeviceType("ESME");
                foreign.setMpan("1200000000011");
                foreign.setExportMpan("1200000000020");
                foreign.setMprn("8123456789");
                foreign.setImportSupplier("SUPPLIER-C");
                foreign.setExportSupplier("SUPPLIER-C");
                foreign.setGasSupplier("SUPPLIER-D");
                var a = RoleChoice.judge(rules, List.of(role), r -> List.of(missing));
                var b = RoleChoice.judge(rules, List.of(role), r -> List.of(foreign));
                assertThat(a.violations()).as(role + " " + srv).hasSize(1).isEqualTo(b.violations());
                assertThat(a.violations().get(0).ruleId()).startsWith("ACCESS-");
            }
        }
    }

    private static ServiceRequestFact fact(String srv, String role) {
        ServiceRequestFact f = new ServiceRequestFact();
        f.setSrv(srv);
        f.setRole(role);
        f.setUserParty("PARTY-OF-" + role);
        f.setDeviceId("00-DB-00-00-00-00-00-01");
        f.setCommsHubId("00-DB-00-00-00-01-00-00");
        f.setRequestDate(java.time.LocalDate.of(2025, 6, 2));
        return f;
    }
}
