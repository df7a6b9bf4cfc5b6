package org.secflow.servicerequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;

/**
 * Judges a request in the User Roles it may be sent in, as DUIS sends a Service Request in one User Role: the
 * named role, or, when the User names none, each role it holds (in name order) until one is accepted. A role in
 * which an access rule (rule id {@code ACCESS-*}, rules/registered-supplier.drl) refuses any device of the request
 * does not fit it; the rejection then reports:
 * <ul>
 *   <li>the violations of the roles that fit (the real reasons: the User may act on the devices in those roles);</li>
 *   <li>when no role fits, the access refusal of the first role tried, ALONE: it depends on the role, never on
 *       whether a device exists or whose it is, so a missing device and another Party's device are answered alike.</li>
 * </ul>
 * One place for the service and the scenario tables ({@link ScenarioRunner}), so that the cases judge as the service
 * does.
 */
final class RoleChoice {
    private RoleChoice() {
    }

    /**
     * The outcome.
     *
     * @param acceptedRole the role the request is accepted in, or null when rejected
     * @param violations why it is rejected (empty when accepted)
     */
    record Verdict(String acceptedRole, List<RuleFinding> violations) {
        Verdict {
            violations = List.copyOf(violations);
        }

        boolean accepted() {
            return acceptedRole != null;
        }
    }

    /**
     * @param roles the roles to try, in order; at least one
     * @param facts the facts of the request (one per device) when sent in a role
     */
    static Verdict judge(LoadedRules rules, List<String> roles, Function<String, List<ServiceRequestFact>> facts) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a request is judged in at least one User Role");
        }
        RuleFinding refusal = null;
        List<RuleFinding> real = new ArrayList<>();
        for (String role : roles) {
            List<RuleFinding> forRole = new ArrayList<>();
            RuleFinding access = null;
            for (ServiceRequestFact fact : facts.apply(role)) {
                for (RuleFinding v : RuleEvaluator.evaluate(rules, fact).getViolations()) {
                    if (isAccess(v)) {
                        access = access == null ? v : access;
                    } else {
                        forRole.add(v);
                    }
                }
            }
            if (access != null) {
                refusal = refusal == null ? access : refusal;
            } else if (forRole.isEmpty()) {
                return new Verdict(role, List.of());
            } else {
                forRole.stream().filter(v -> !real.contains(v)).forEach(real::add);
            }
        }
        return new Verdict(null, real.isEmpty() ? List.of(refusal) : real);
    }

    /** Whether a violation is an access refusal, which hides every other. */
    static boolean isAccess(RuleFinding v) {
        return v.ruleId().startsWith("ACCESS-");
    }
}
