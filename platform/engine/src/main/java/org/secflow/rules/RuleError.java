package org.secflow.rules;

/**
 * One error of a rule file, as the analyst needs it to fix the file.
 *
 * @param file file name inside the rules directory, e.g. {@code alt-han.drl}
 * @param line 1-based line (for a decision table: its row), or 0 when not known
 * @param message what is wrong
 * @param cell for a decision table, the spreadsheet cell (e.g. {@code B12}) when known, else null
 */
public record RuleError(String file, int line, String message, String cell) {
    /** An error without a cell. */
    public RuleError(String file, int line, String message) {
        this(file, line, message, null);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (cell != null ? " cell " + cell : "") + ": " + message;
    }
}
