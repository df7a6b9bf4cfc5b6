package org.secflow.rules.scenario;

import java.util.Objects;
import java.util.function.Function;
import org.secflow.rules.LoadedRules;

/**
 * One case of a scenario table, whatever the feature: where it is and how to put it to a rule-base version.
 *
 * @param file scenario table file name, e.g. {@code maintenance.cases.csv}
 * @param line 1-based line of the case's (first) row
 * @param name the case's name (column {@code case}), unique in its file
 * @param check runs the case against a rule-base version; may throw {@link ScenarioTableException} when the case
 *     cannot be put to the rules, or {@link org.secflow.rules.RuleFaultException} when a rule faults
 */
public record Scenario(String file, long line, String name, Function<LoadedRules, ScenarioResult> check) {
    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
    }

    /** Runs the case against {@code rules}. */
    public ScenarioResult run(LoadedRules rules) {
        return check.apply(rules);
    }
}
