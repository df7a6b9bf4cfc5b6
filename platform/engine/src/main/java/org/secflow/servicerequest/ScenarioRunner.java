package org.secflow.servicerequest;

import java.util.List;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;
import org.secflow.rules.scenario.Outcome;

/**
 * Runs scenario cases ({@link ScenarioTables}) against a rule-base version as the service judges a request
 * ({@link RoleChoice}: in each of the User's roles until one is accepted; an access refusal alone): a case passes
 * when the outcome is the expected one; for a rejection, its expected rule id is among the violations (an access
 * rule id {@code ACCESS-*} must stand alone); for an acceptance with an expected role, it is accepted in that role.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * The result of one case.
     *
     * @param scenario the case
     * @param passed whether the rules gave the expected outcome (and rule id)
     * @param actualOutcome what the rules decided
     * @param violations the rules that rejected it, in firing order
     * @param acceptedRole the role it was accepted in, null when rejected
     */
    public record CaseResult(ScenarioCase scenario, boolean passed, Outcome actualOutcome,
                             List<RuleFinding> violations, String acceptedRole) {
        public CaseResult {
            violations = List.copyOf(violations);
        }

        /** Ids of the rules that rejected the case. */
        public List<String> actualRuleIds() {
            return violations.stream().map(RuleFinding::ruleId).toList();
        }

        /** One line for a person: location, case, expected and actual. */
        public String describe() {
            ScenarioCase c = scenario;
            return (passed ? "PASSED " : "FAILED ") + c.location() + " " + c.name() + ": expected " + c.expectedOutcome()
                    + (c.expectedRuleId() == null ? "" : " " + c.expectedRuleId())
                    + (c.expectedRole() == null ? "" : " as " + c.expectedRole())
                    + ", got " + actualOutcome + (violations.isEmpty() ? "" : " " + actualRuleIds())
                    + (acceptedRole == null || c.roles().size() < 2 ? "" : " as " + acceptedRole);
        }
    }

    /**
     * The results of a run.
     *
     * @param rulesVersion version of the rule base the cases ran against
     * @param results one per case, in case order
     */
    public record Summary(String rulesVersion, List<CaseResult> results) {
        public Summary {
            results = List.copyOf(results);
        }

        public int total() {
            return results.size();
        }

        public int passed() {
            return (int) results.stream().filter(CaseResult::passed).count();
        }

        public int failed() {
            return total() - passed();
        }

        public List<CaseResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }

        @Override
        public String toString() {
            return "rules " + rulesVersion + ": " + total() + " cases, " + passed() + " passed, " + failed() + " failed";
        }
    }

    /** Runs one case. */
    public static CaseResult run(LoadedRules rules, ScenarioCase c) {
        RoleChoice.Verdict v = RoleChoice.judge(rules, c.roles(), role -> List.of(c.toFact(role)));
        Outcome actual = v.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED;
        String expectedId = c.expectedRuleId();
        boolean passed = actual == c.expectedOutcome()
                && (expectedId == null || v.violations().stream().anyMatch(f -> f.ruleId().equals(expectedId)))
                && (expectedId == null || !expectedId.startsWith("ACCESS-") || v.violations().size() == 1)
                && (c.expectedRole() == null || c.expectedRole().equals(v.acceptedRole()));
        return new CaseResult(c, passed, actual, v.violations(), v.acceptedRole());
    }

    /** Runs every case. */
    public static Summary runAll(LoadedRules rules, List<ScenarioCase> cases) {
        return new Summary(rules.version(), cases.stream().map(c -> run(rules, c)).toList());
    }
}
