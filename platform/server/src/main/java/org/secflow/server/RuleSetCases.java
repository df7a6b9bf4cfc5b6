package org.secflow.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.secflow.creditcover.CreditCoverCase;
import org.secflow.creditcover.CreditCoverScenarios;
import org.secflow.maintenance.MaintenanceCase;
import org.secflow.maintenance.MaintenanceScenarios;
import org.secflow.modification.ReleaseTargetingCase;
import org.secflow.modification.ReleaseTargetingScenarios;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleError;
import org.secflow.rules.RuleFaultException;
import org.secflow.rules.RuleSetCheck;
import org.secflow.servicerequest.ScenarioCase;
import org.secflow.servicerequest.ScenarioRunner;
import org.secflow.servicerequest.ScenarioTableException;
import org.secflow.servicerequest.ScenarioTables;

/**
 * The scenario tables a rules reload must pass, as {@code secflow rules test} runs them: the Service Request tables
 * ({@code *.cases.csv}), {@code maintenance*.cases.csv}, {@code credit-cover*.cases.csv} and
 * {@code release-targeting*.cases.csv} (with {@code sec-releases.csv}). A case whose decision faults
 * (a rule throws or goes over its limits) fails with the rule named.
 */
final class RuleSetCases implements RuleSetCheck {

    @Override
    public List<RuleError> failures(LoadedRules rules, Path dir) {
        List<RuleError> failed = new ArrayList<>();
        List<ScenarioCase> serviceRequests = read(failed, () -> ScenarioTables.readAll(dir));
        for (ScenarioCase c : serviceRequests) {
            check(failed, c.file(), c.line(), c.name(), () -> {
                ScenarioRunner.CaseResult r = ScenarioRunner.run(rules, c);
                return r.passed() ? null : r.describe();
            });
        }
        for (MaintenanceCase c : read(failed, () -> MaintenanceScenarios.readAll(dir))) {
            check(failed, c.file(), c.line(), c.name(), () -> {
                MaintenanceScenarios.CaseResult r = MaintenanceScenarios.run(rules, c);
                return r.passed() ? null : r.describe();
            });
        }
        for (CreditCoverCase c : read(failed, () -> CreditCoverScenarios.readAll(dir))) {
            check(failed, c.file(), c.line(), c.name(), () -> {
                CreditCoverScenarios.CaseResult r = CreditCoverScenarios.run(rules, c);
                return r.passed() ? null : r.describe();
            });
        }
        for (ReleaseTargetingCase c : read(failed, () -> ReleaseTargetingScenarios.readAll(dir))) {
            check(failed, c.file(), c.line(), c.name(), () -> {
                ReleaseTargetingScenarios.CaseResult r = ReleaseTargetingScenarios.run(rules, dir, c);
                return r.passed() ? null : r.describe();
            });
        }
        return failed;
    }

    private static <T> List<T> read(List<RuleError> failed, Supplier<List<T>> cases) {
        try {
            return cases.get();
        } catch (ScenarioTableException e) {
            failed.add(new RuleError(e.file(), (int) e.line(), "scenario table refused: " + e.getMessage()));
            return List.of();
        } catch (RuntimeException e) {
            failed.add(new RuleError("rules", 0, "scenario tables could not be read: " + e.getMessage()));
            return List.of();
        }
    }

    private static void check(List<RuleError> failed, String file, long line, String name, Supplier<String> run) {
        String failure;
        try {
            failure = run.get();
        } catch (RuleFaultException e) {
            failure = "case '" + name + "': " + e.getMessage();
        } catch (ScenarioTableException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = "case '" + name + "' could not run: " + e.getMessage();
        }
        if (failure != null) {
            String prefix = "FAILED " + file + ":" + line + " ";
            failed.add(new RuleError(file, (int) line, failure.startsWith(prefix) ? failure.substring(prefix.length()) : failure));
        }
    }
}
