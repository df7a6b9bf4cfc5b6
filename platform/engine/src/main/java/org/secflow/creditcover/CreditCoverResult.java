package org.secflow.creditcover;

import java.util.ArrayList;
import java.util.List;
import org.secflow.rules.RuleFinding;

/** Collects the findings of the Credit Cover rules (rules/credit-cover.drl). One per evaluation; not thread-safe. */
public final class CreditCoverResult {
    private final List<RuleFinding> findings = new ArrayList<>();

    /** Records a finding. */
    public void note(String ruleId, String message, String source) {
        findings.add(new RuleFinding(ruleId, message, source));
    }

    public List<RuleFinding> getFindings() {
        return List.copyOf(findings);
    }
}
