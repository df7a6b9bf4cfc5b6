package org.secflow.rules.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secflow.rules.RuleFeature;

/**
 * Every scenario table ({@code *.cases.csv}) of a rules directory with the {@link RuleFeature} that reads it: the
 * feature with the longest {@link RuleFeature#scenarioTablePrefix() prefix} of the file name.
 */
public final class ScenarioDirectory {
    private ScenarioDirectory() {
    }

    /**
     * One scenario table and its feature.
     *
     * @param file the {@code .cases.csv} file
     * @param feature the feature that reads it
     */
    public record Table(Path file, RuleFeature feature) {
        /**
         * The table's cases.
         *
         * @throws ScenarioTableException with file, line and column of the first bad cell
         */
        public List<Scenario> scenarios() {
            return feature.scenarios(file, file.toAbsolutePath().getParent());
        }
    }

    /**
     * The scenario tables of {@code rulesDir}, sorted by file name; a table no feature claims is refused.
     *
     * @throws ScenarioTableException when the directory cannot be listed or a table belongs to no feature
     */
    public static List<Table> in(Path rulesDir, List<RuleFeature> features) {
        List<Table> tables = new ArrayList<>();
        for (Path file : ScenarioCsv.tables(rulesDir, n -> true)) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            RuleFeature owner = null;
            for (RuleFeature f : features) {
                String prefix = f.scenarioTablePrefix();
                if (name.startsWith(prefix) && (owner == null || prefix.length() > owner.scenarioTablePrefix().length())) {
                    owner = f;
                }
            }
            if (owner == null) {
                throw new ScenarioTableException(file.getFileName().toString(), 0, "no rule feature reads this scenario table");
            }
            tables.add(new Table(file, owner));
        }
        return tables;
    }
}
