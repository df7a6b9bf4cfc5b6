package org.secflow.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Data tables that rules read through a global, e.g. the registration tables of DUIS registration (DCC User
 * Interface Specification, Registered Supplier checks). They are loaded with the rule files by {@link RuleLoader}:
 * counted in the rule-set version, listed among the files as {@code DATA_TABLE}, and refused with file and line like
 * a bad rule, so an analyst's bad edit keeps the previous rules serving. A feature implements it once and lists the
 * class in {@code META-INF/services/org.secflow.rules.RuleData}, so that the rule loader reads the tables without
 * naming the feature.
 */
public interface RuleData {

    /** The global the rules read the tables through, e.g. {@code registration}. */
    String global();

    /** File names of the tables in the rules directory, e.g. {@code gas-networks.csv}. */
    List<String> files();

    /**
     * The tables of a rules directory.
     *
     * @param rulesDir the rules directory
     * @throws org.secflow.rules.scenario.DataTableException naming the file and 1-based line (0: the whole file) of the first problem
     */
    Object load(Path rulesDir);

    /** The tables when the directory has none of {@link #files()} and no rule reads {@link #global()}. */
    Object empty();

    /** The rule data on the class path of the engine, in the order their service files list them. */
    static List<RuleData> installed() {
        return ServiceLoader.load(RuleData.class, RuleData.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
