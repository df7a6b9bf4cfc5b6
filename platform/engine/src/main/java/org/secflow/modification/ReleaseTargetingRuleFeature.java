package org.secflow.modification;

import java.nio.file.Path;
import java.util.List;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioResult;

/**
 * SEC Release targeting of modifications as a {@link RuleFeature}: scenario tables
 * {@code release-targeting*.cases.csv} ({@link ReleaseTargetingScenarios}), run with the calendar
 * {@code sec-releases.csv} and the recommendations of the same rules directory.
 */
public final class ReleaseTargetingRuleFeature implements RuleFeature {

    @Override
    public String title() {
        return "SEC Release targeting";
    }

    @Override
    public String scenarioTablePrefix() {
        return "release-targeting";
    }

    @Override
    public List<Scenario> scenarios(Path table, Path rulesDir) {
        return ReleaseTargetingScenarios.read(table).stream().map(c -> new Scenario(c.file(), c.line(), c.name(), rules -> {
            ReleaseTargetingScenarios.CaseResult r = ReleaseTargetingScenarios.run(rules, rulesDir, c);
            return new ScenarioResult(r.passed(), r.describe());
        })).toList();
    }
}
