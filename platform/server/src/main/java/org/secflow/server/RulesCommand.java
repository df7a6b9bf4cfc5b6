package org.secflow.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.secflow.rules.DecisionLimits;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleError;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.RuleLoadException;
import org.secflow.rules.RuleLoader;
import org.secflow.rules.scenario.DataTableRefusal;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioDirectory;
import org.secflow.rules.scenario.ScenarioResult;
import org.secflow.rules.scenario.ScenarioTableException;
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
            List<RuleFeature> features = RuleFeature.installed();
            LoadedRules loaded;
            try {
                loaded = new RuleLoader(Clock.systemUTC(), DecisionLimits.DEFAULTS, features).load(rules);
            } catch (RuleLoadException e) {
                System.out.println("rules refused:");
                for (RuleError err : e.errors()) {
                    System.out.println("  " + err);
                }
                return 2;
            }
            int passed = 0;
            int failed = 0;
            StringBuilder failures = new StringBuilder();
            try {
                for (ScenarioDirectory.Table table : ScenarioDirectory.in(rules, features)) {
                    for (Scenario scenario : table.scenarios()) {
                        ScenarioResult r = scenario.run(loaded);
                        if (r.passed()) {
                            passed++;
                        } else {
                            failed++;
                            failures.append(r.description()).append(System.lineSeparator());
                        }
                    }
                }
            } catch (ScenarioTableException e) {
                System.out.println("scenario table refused: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                if (e instanceof DataTableRefusal refusal) {
                    // the message is "file:line: what"
                    System.out.println(refusal.table() + " refused: " + e.getMessage());
                    return 2;
                }
                throw e;
            }
            System.out.printf("rules %s: %d rules in %d files%n", loaded.version(), loaded.ruleCount(), loaded.files().size());
            System.out.print(failures);
            System.out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
