package org.secflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

/** The repository's real rules/ folder for tests, as surefire names it in {@code secflow.rules}. */
public final class RealRules {
    private RealRules() {
    }

    /** The folder. */
    public static Path dir() {
        String dir = System.getProperty("secflow.rules");
        assertThat(dir).as("system property secflow.rules (set by surefire in platform/engine/pom.xml)").isNotNull();
        return Path.of(dir);
    }

    /** The folder built through the production {@link RuleLoader}. */
    public static LoadedRules load() {
        return new RuleLoader(Clock.systemUTC()).load(dir());
    }
}
