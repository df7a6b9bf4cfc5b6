package org.secflow.creditcover;

import java.nio.file.Path;
import java.util.List;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioResult;

/** The Credit Cover rules as a {@link RuleFeature}: scenario tables {@code credit-cover*.cases.csv} ({@link CreditCoverScenarios}). */
public final class CreditCoverRuleFeature implements RuleFeature {

    @Override
    public String title() {
        return "Credit Cover";
    }

    @Override
    public String scenarioTablePrefix() {
        return "credit-cover";
    }

    @Override
    public List<Scenario> scenarios(Path table, Path rulesDir) {
        return CreditCoverScenarios.read(table).stream().map(c -> new Scenario(c.file(), c.line(), c.name(), rules -> {
            CreditCoverScenarios.CaseResult r = CreditCoverScenarios.run(rules, c);
            return new ScenarioResult(r.passed(), r.describe());
        })).toList();
    }
}
