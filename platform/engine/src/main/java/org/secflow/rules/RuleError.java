package org.secflow.rules;

/**
 * One error of a rule file, as the analyst needs it to fix the file.
 *
 * @param file file name inside the rules directory, e.g. {@code alt-han.drl}
 * @param line 1-based line, or 0 when Drools does not know it
 * @param message what is wrong
 */
public record RuleError(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
