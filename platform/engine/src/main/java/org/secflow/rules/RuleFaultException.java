package org.secflow.rules;

import org.secflow.problem.DomainProblem;

/**
 * A decision the rule set in service could not make: a consequence threw, or the decision went over its firing
 * limit or time budget ({@link DecisionLimits}). Nothing was written. Answered 503: the request is not at fault
 * (a 4xx would tell the client to change it), the rule set is, and the operator fixes it by a reload or
 * {@code POST /api/rules/rollback}; a 500 would say the platform itself broke.
 */
public final class RuleFaultException extends DomainProblem {
    private final String ruleName;
    private final String ruleFile;
    private final String rulesVersion;

    /**
     * @param ruleName the rule that threw or was about to fire past the limit
     * @param ruleFile its file inside the rules directory, or null
     * @param reason what happened, for the User (no Java type names)
     * @param rulesVersion version of the rule set in service
     */
    public RuleFaultException(String ruleName, String ruleFile, String reason, String rulesVersion) {
        super("the rules in service (" + rulesVersion + ") could not decide: rule '" + ruleName + "'"
                + (ruleFile == null ? "" : " of " + ruleFile) + " " + reason
                + "; the request was not carried out, the rule set needs a fix or a rollback", null, ruleName);
        this.ruleName = ruleName;
        this.ruleFile = ruleFile;
        this.rulesVersion = rulesVersion;
    }

    public String ruleName() {
        return ruleName;
    }

    public String ruleFile() {
        return ruleFile;
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Rule fault";
    }
}
