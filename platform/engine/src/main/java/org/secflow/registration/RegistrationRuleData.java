package org.secflow.registration;

import java.nio.file.Path;
import java.util.List;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleData;

/**
 * The registration tables ({@link RegistrationTables#FILES}) as data the rules read through the global
 * {@value #GLOBAL}: loaded with every rule set, so that the registration rules and the tables they read change
 * together. When the rules declare the global the tables must be there; otherwise missing tables are empty.
 */
public final class RegistrationRuleData implements RuleData {
    /** The global through which the rules read the registration tables. */
    public static final String GLOBAL = "registration";

    @Override
    public String global() {
        return GLOBAL;
    }

    @Override
    public List<String> files() {
        return RegistrationTables.FILES;
    }

    @Override
    public RegistrationTables load(Path rulesDir) {
        return RegistrationTables.load(rulesDir);
    }

    @Override
    public RegistrationTables empty() {
        return RegistrationTables.of(List.of(), List.of(), List.of(), List.of());
    }

    /** The registration tables read with {@code rules} (SMI scoping of network operators reads them here). */
    public static RegistrationTables of(LoadedRules rules) {
        return rules.data(GLOBAL, RegistrationTables.class);
    }
}
