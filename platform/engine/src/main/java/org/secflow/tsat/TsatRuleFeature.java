package org.secflow.tsat;

import java.nio.file.Path;
import java.util.List;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioResult;

/** The TSAT rules as a {@link RuleFeature}: scenario tables {@code tsat*.cases.csv} ({@link TsatScenarios}), run with {@code tsat.csv}. */
public final class TsatRuleFeature implements RuleFeature {

    @Override
    public String title() {
        return "TSAT";
    }

    @Override
    public String scenarioTablePrefix() {
        return "tsat";
    }

    @Override
    public List<Scenario> scenarios(Path table, Path rulesDir) {
        return TsatScenarios.read(table).stream().map(c -> new Scenario(c.file(), c.line(), c.name(), rules -> {
            TsatScenarios.CaseResult r = TsatScenarios.runAll(rules, rulesDir, List.of(c)).get(0);
            return new ScenarioResult(r.passed(), r.describe());
        })).toList();
    }
}
