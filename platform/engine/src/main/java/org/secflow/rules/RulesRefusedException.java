package org.secflow.rules;

import java.util.List;
import java.util.Map;
import org.secflow.problem.DomainProblem;

/**
 * A request the rules refused (HTTP 422): the problem names the first broken rule ({@code rule}) and carries every
 * broken rule ({@code violations}) and the version of the rules that decided ({@code ruleSetVersion}) as extension
 * members. Each feature refusing by its rules has its own subclass with its title.
 */
public abstract class RulesRefusedException extends DomainProblem {
    private final transient List<RuleFinding> violations;
    private final String ruleSetVersion;
    private final String title;

    /**
     * @param title the kind of refusal, e.g. {@code Service Request rejected}
     * @param message what was refused; naming the first violation
     * @param violations every broken rule, at least one
     * @param ruleSetVersion version (hash) of the rules that decided
     */
    protected RulesRefusedException(String title, String message, List<RuleFinding> violations, String ruleSetVersion) {
        super(message, null, violations.get(0).ruleId());
        this.title = title;
        this.violations = List.copyOf(violations);
        this.ruleSetVersion = ruleSetVersion;
    }

    /** Every broken rule. */
    public final List<RuleFinding> violations() {
        return violations;
    }

    /** Version (hash) of the rules that decided. */
    public final String ruleSetVersion() {
        return ruleSetVersion;
    }

    @Override
    public final Map<String, Object> extensions() {
        return Map.of("violations", violations, "ruleSetVersion", ruleSetVersion);
    }

    @Override
    public final int status() {
        return 422;
    }

    @Override
    public final String title() {
        return title;
    }
}
