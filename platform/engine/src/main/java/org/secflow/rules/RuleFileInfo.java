package org.secflow.rules;

/**
 * A file of a loaded rule base.
 *
 * @param file file name inside the rules directory
 * @param kind {@code DRL}, {@code DECISION_TABLE} or {@code DATA_TABLE} (a registration table the rules read, no rules of its own)
 * @param ruleCount rules Drools built from it
 * @param sha256 SHA-256 of its content
 */
public record RuleFileInfo(String file, String kind, int ruleCount, String sha256) {
}
