package org.secflow.servicerequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioResult;

/**
 * The Service Request rules as a {@link RuleFeature}: every scenario table no other feature claims
 * ({@link ScenarioTables}, run by {@link ScenarioRunner}); the {@link Decision} reaches the rules only as the global
 * {@code decision}, never as a fact, so that no rule joins a second fact ({@code secflow bench rules}: 63-80k
 * decisions/s with the join, 72.5-106k without).
 */
public final class ServiceRequestRuleFeature implements RuleFeature {

    @Override
    public String title() {
        return "Service Request";
    }

    @Override
    public String scenarioTablePrefix() {
        return "";
    }

    @Override
    public List<Scenario> scenarios(Path table, Path rulesDir) {
        return ScenarioTables.read(table).stream().map(c -> new Scenario(c.file(), c.line(), c.name(), rules -> {
            ScenarioRunner.CaseResult r = ScenarioRunner.run(rules, c);
            return new ScenarioResult(r.passed(), r.describe());
        })).toList();
    }

    @Override
    public Map<String, String> globalOnlyTypes() {
        return Map.of(Decision.class.getName(), "decision");
    }
}
