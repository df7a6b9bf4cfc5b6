package org.secflow.servicerequest;

import java.util.List;
import org.secflow.rules.RuleFinding;
import org.secflow.rules.RulesRefusedException;

/** The rules rejected a Service Request (HTTP 422 with the violations). The decision is already audited. */
public final class ServiceRequestRejectedException extends RulesRefusedException {

    public ServiceRequestRejectedException(String srv, List<RuleFinding> violations, String ruleSetVersion) {
        super("Service Request rejected", "SRV " + srv + " rejected: " + violations.get(0).message(), violations,
                ruleSetVersion);
    }
}
