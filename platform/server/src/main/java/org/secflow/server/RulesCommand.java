package org.secflow.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.secflow.creditcover.CreditCoverScenarios;
import org.secflow.maintenance.MaintenanceScenarios;
import org.secflow.modification.ReleaseCalendarException;
import org.secflow.modification.ReleaseTargetingScenarios;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleError;
import org.secflow.rules.RuleLoadException;
import org.secflow.rules.RuleLoader;
import org.secflow.servicerequest.ScenarioRunner;
import org.secflow.servicerequest.ScenarioTableException;
import org.secflow.servicerequest.ScenarioTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secflow rules test}: the analyst's check after editing a rule file, without Maven. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work on the rules directory.",
        subcommands = RulesCommand.Test.class)
final class RulesCommand {

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Builds the rules of the directory as the server would (with the registration tables "
                    + "electricity-distributors.csv, gas-networks.csv, rsa-appointments.csv, ou-consents.csv) and runs every scenario table "
                    + "(*.cases.csv: Service Request tables, maintenance*.cases.csv Planned Maintenance tables, credit-cover*.cases.csv Credit Cover tables and "
                    + "release-targeting*.cases.csv SEC Release targeting tables, run with the calendar sec-releases.csv) against them; prints each failing "
                    + "case and 'N passed, N failed'. Exit 1 when a case fails, 2 when the rules, a registration table, a scenario table or sec-releases.csv cannot be read "
                    + "(with file and line).")
    static final class Test implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rules directory. Default: ${DEFAULT-VALUE}")
        Path rules;

        @Override
        public Integer call() {
            LoadedRules loaded;
            try {
                loaded = new RuleLoader(Clock.systemUTC()).load(rules);
            } catch (RuleLoadException e) {
                System.out.println("rules refused:");
                for (RuleError err : e.errors()) {
                    System.out.println("  " + err);
                }
                return 2;
            }
            ScenarioRunner.Summary summary;
            java.util.List<MaintenanceScenarios.CaseResult> maintenance;
            java.util.List<CreditCoverScenarios.CaseResult> creditCover;
            java.util.List<ReleaseTargetingScenarios.CaseResult> releaseTargeting;
            try {
                summary = ScenarioRunner.runAll(loaded, ScenarioTables.readAll(rules));
                maintenance = MaintenanceScenarios.runAll(loaded, MaintenanceScenarios.readAll(rules));
                creditCover = CreditCoverScenarios.runAll(loaded, CreditCoverScenarios.readAll(rules));
                releaseTargeting = ReleaseTargetingScenarios.runAll(loaded, rules, ReleaseTargetingScenarios.readAll(rules));
            } catch (ScenarioTableException e) {
                System.out.println("scenario table refused: " + e.getMessage());
                return 2;
            } catch (ReleaseCalendarException e) {
                // the message is "file:line: what"
                System.out.println("release calendar refused: " + e.getMessage());
                return 2;
            }
            System.out.printf("rules %s: %d rules in %d files%n", loaded.version(), loaded.ruleCount(), loaded.files().size());
            for (ScenarioRunner.CaseResult failure : summary.failures()) {
                System.out.println(failure.describe());
            }
            int maintenanceFailed = 0;
            for (MaintenanceScenarios.CaseResult result : maintenance) {
                if (!result.passed()) {
                    maintenanceFailed++;
                    System.out.println(result.describe());
                }
            }
            int creditCoverFailed = 0;
            for (CreditCoverScenarios.CaseResult result : creditCover) {
                if (!result.passed()) {
                    creditCoverFailed++;
                    System.out.println(result.describe());
                }
            }
            int releaseTargetingFailed = 0;
            for (ReleaseTargetingScenarios.CaseResult result : releaseTargeting) {
                if (!result.passed()) {
                    releaseTargetingFailed++;
                    System.out.println(result.describe());
                }
            }
            int passed = summary.passed() + maintenance.size() - maintenanceFailed + creditCover.size() - creditCoverFailed
                    + releaseTargeting.size() - releaseTargetingFailed;
            int failed = summary.failed() + maintenanceFailed + creditCoverFailed + releaseTargetingFailed;
            System.out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
