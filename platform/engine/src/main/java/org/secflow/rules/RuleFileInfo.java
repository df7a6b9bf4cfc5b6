package org.secflow.rules;

/**
 * A file of a loaded rule base.
 *
 * @param file file name inside the rules directory
 * @param kind {@code DRL} or {@code DECISION_TABLE}
 * @param ruleCount rules Drools built from it
 * @param sha256 SHA-256 of its content
 */
public record RuleFileInfo(String file, String kind, int ruleCount, String sha256) {
}
