package org.secflow.maintenance;

import java.nio.file.Path;
import java.util.List;
import org.secflow.rules.RuleFeature;
import org.secflow.rules.scenario.Scenario;
import org.secflow.rules.scenario.ScenarioResult;

/** The Planned Maintenance rules as a {@link RuleFeature}: scenario tables {@code maintenance*.cases.csv} ({@link MaintenanceScenarios}). */
public final class MaintenanceRuleFeature implements RuleFeature {

    @Override
    public String title() {
        return "Planned Maintenance";
    }

    @Override
    public String scenarioTablePrefix() {
        return "maintenance";
    }

    @Override
    public List<Scenario> scenarios(Path table, Path rulesDir) {
        return MaintenanceScenarios.read(table).stream().map(c -> new Scenario(c.file(), c.line(), c.name(), rules -> {
            MaintenanceScenarios.CaseResult r = MaintenanceScenarios.run(rules, c);
            return new ScenarioResult(r.passed(), r.describe());
        })).toList();
    }
}
