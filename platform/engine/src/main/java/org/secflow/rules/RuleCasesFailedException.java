package org.secflow.rules;

import java.util.List;

/**
 * A candidate rule set that builds but fails scenario cases ({@link RuleSetCheck}); the previous version keeps
 * serving. {@link #errors()} name each failing case by its table file and line.
 */
public final class RuleCasesFailedException extends RuleLoadException {
    public RuleCasesFailedException(List<RuleError> failingCases) {
        super(failingCases);
    }
}
