package org.secflow.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.secflow.rules.scenario.Scenario;

/**
 * What a feature whose decisions are rules tells the rule infrastructure: the scenario tables it keeps beside the
 * rules ({@code rules/<prefix>*.cases.csv}) and the types its rules may only reach as a global. Every rule feature
 * implements it once and lists the class in {@code META-INF/services/org.secflow.rules.RuleFeature}, so that
 * {@link RuleLoader}, the reload check and {@code secflow rules test} know the features without naming them.
 */
public interface RuleFeature {

    /** The feature's name for people, e.g. {@code Planned Maintenance}. */
    String title();

    /**
     * Lower-case file-name prefix of the feature's scenario tables, e.g. {@code maintenance} for
     * {@code maintenance*.cases.csv}; the empty prefix claims every table no other feature claims. The longest
     * matching prefix wins.
     */
    String scenarioTablePrefix();

    /**
     * The cases of one of the feature's scenario tables, ready to run.
     *
     * @param table the {@code .cases.csv} file
     * @param rulesDir the rules directory the table lies in (for data tables the cases read, e.g. the SEC Release
     *     calendar {@code sec-releases.csv})
     * @throws org.secflow.rules.scenario.ScenarioTableException with file, line and column of the first bad cell
     */
    List<Scenario> scenarios(Path table, Path rulesDir);

    /**
     * Result collectors that reach the rules only as a global (class name to global name): set as the global rather
     * than inserted. A rule that matches one as a fact is refused by {@link RuleLoader} with its file and line.
     */
    default Map<String, String> globalOnlyTypes() {
        return Map.of();
    }

    /** The rule features on the class path of the engine, in the order their service files list them. */
    static List<RuleFeature> installed() {
        return ServiceLoader.load(RuleFeature.class, RuleFeature.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
