package org.secflow.servicerequest;

import java.util.List;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;

/**
 * Runs scenario cases ({@link ScenarioTables}) against a rule-base version with {@link RuleEvaluator}: a case
 * passes when the outcome is the expected one and, for a rejection, its expected rule id is among the violations.
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
     */
    public record CaseResult(ScenarioCase scenario, boolean passed, ScenarioCase.Outcome actualOutcome,
                             List<RuleFinding> violations) {
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
                    + ", got " + actualOutcome + (violations.isEmpty() ? "" : " " + actualRuleIds());
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
        Decision d = RuleEvaluator.evaluate(rules, c.toFact());
        ScenarioCase.Outcome actual = d.isAccepted() ? ScenarioCase.Outcome.ACCEPTED : ScenarioCase.Outcome.REJECTED;
        boolean passed = actual == c.expectedOutcome()
                && (c.expectedRuleId() == null
                    || d.getViolations().stream().anyMatch(v -> v.ruleId().equals(c.expectedRuleId())));
        return new CaseResult(c, passed, actual, d.getViolations());
    }

    /** Runs every case. */
    public static Summary runAll(LoadedRules rules, List<ScenarioCase> cases) {
        return new Summary(rules.version(), cases.stream().map(c -> run(rules, c)).toList());
    }
}
