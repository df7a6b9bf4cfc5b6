package org.secflow.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * What a candidate rule-base version must pass before a reload puts it in service: the scenario tables
 * ({@code *.cases.csv}) of its directory, run by the features that own them. Wired by the server, so that this
 * package knows no feature.
 */
@FunctionalInterface
public interface RuleSetCheck {
    /** Checks nothing: every version that builds is served. */
    RuleSetCheck NONE = (candidate, dir) -> List.of();

    /**
     * Runs the checks.
     *
     * @param candidate the version built from {@code dir}, not yet in service
     * @param dir the rules directory
     * @return one entry per failing case (the table's file, the case's line and what differed); empty when all pass
     */
    List<RuleError> failures(LoadedRules candidate, Path dir);
}
