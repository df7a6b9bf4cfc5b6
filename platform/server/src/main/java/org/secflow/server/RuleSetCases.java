package org.secflow.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleError;
import org.secflow.rules.RuleFaultException;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.RuleSetCheck;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioDirectory;
import org.secflow.rules.scenario.ScenarioResult;
import org.secflow.rules.scenario.ScenarioTableException;

/**
 * The scenario tables a rules reload must pass, as {@code secflow rules test} runs them: every {@code *.cases.csv}
 * of the directory, read and run by the {@link RuleFeature} that claims it (Service Request tables,
 * {@code maintenance*.cases.csv}, {@code credit-cover*.cases.csv}, {@code release-targeting*.cases.csv} with
 * {@code sec-releases.csv}, {@code tsat*.cases.csv}). A case whose decision faults (a rule throws or goes over its
 * limits) fails with the rule named.
 */
final class RuleSetCases implements RuleSetCheck {
    private final List<RuleFeature> features;

    RuleSetCases(List<RuleFeature> features) {
        this.features = List.copyOf(features);
    }

    @Override
    public List<RuleError> failures(LoadedRules rules, Path dir) {
        List<RuleError> failed = new ArrayList<>();
        List<ScenarioDirectory.Table> tables;
        try {
            tables = ScenarioDirectory.in(dir, features);
        } catch (ScenarioTableException e) {
            failed.add(new RuleError(e.file(), (int) e.line(), "scenario table refused: " + e.getMessage()));
            return failed;
        }
        for (ScenarioDirectory.Table table : tables) {
            for (Scenario c : read(failed, table)) {
                check(failed, c, rules);
            }
        }
        return failed;
    }

    private static List<Scenario> read(List<RuleError> failed, ScenarioDirectory.Table table) {
        try {
            return table.scenarios();
        } catch (ScenarioTableException e) {
            failed.add(new RuleError(e.file(), (int) e.line(), "scenario table refused: " + e.getMessage()));
            return List.of();
        } catch (RuntimeException e) {
            failed.add(new RuleError("rules", 0, "scenario tables could not be read: " + e.getMessage()));
            return List.of();
        }
    }

    private static void check(List<RuleError> failed, Scenario c, LoadedRules rules) {
        String failure;
        try {
            ScenarioResult r = c.run(rules);
            failure = r.passed() ? null : r.description();
        } catch (RuleFaultException e) {
            failure = "case '" + c.name() + "': " + e.getMessage();
        } catch (ScenarioTableException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = "case '" + c.name() + "' could not run: " + e.getMessage();
        }
        if (failure != null) {
            String prefix = "FAILED " + c.file() + ":" + c.line() + " ";
            failed.add(new RuleError(c.file(), (int) c.line(), failure.startsWith(prefix) ? failure.substring(prefix.length()) : failure));
        }
    }
}
