package org.secflow.creditcover;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the Credit Cover rules (rules/credit-cover.drl). One per evaluation; not thread-safe. */
public final class CreditCoverResult {
    private final List<CreditCoverFinding> findings = new ArrayList<>();

    /** Records a finding. */
    public void note(String ruleId, String message, String source) {
        findings.add(new CreditCoverFinding(ruleId, message, source));
    }

    public List<CreditCoverFinding> getFindings() {
        return List.copyOf(findings);
    }
}
