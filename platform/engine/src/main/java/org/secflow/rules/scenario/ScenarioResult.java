package org.secflow.rules.scenario;

/**
 * The result of one {@link Scenario}.
 *
 * @param passed whether the rules gave what the case expects
 * @param description one line for a person: {@code PASSED|FAILED <file>:<line> <case>: expected ..., got ...}
 */
public record ScenarioResult(boolean passed, String description) {
}
