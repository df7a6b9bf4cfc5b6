package org.secflow.servicerequest;

import java.util.List;
import org.secflow.problem.DomainProblem;
import org.secflow.rules.RuleFinding;

/** The rules rejected a Service Request (HTTP 422 with the violations). The decision is already audited. */
public final class ServiceRequestRejectedException extends DomainProblem {
    private final transient List<RuleFinding> violations;
    private final String ruleSetVersion;

    public ServiceRequestRejectedException(String srv, List<RuleFinding> violations, String ruleSetVersion) {
        super("SRV " + srv + " rejected: " + violations.get(0).message(), null,
                violations.get(0).ruleId());
        this.violations = List.copyOf(violations);
        this.ruleSetVersion = ruleSetVersion;
    }

    public List<RuleFinding> violations() {
        return violations;
    }

    /** Version (hash) of the rules that decided. */
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    @Override
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of("violations", violations, "ruleSetVersion", ruleSetVersion);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Service Request rejected";
    }
}
