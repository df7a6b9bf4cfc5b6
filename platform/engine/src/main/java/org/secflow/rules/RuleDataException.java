package org.secflow.rules;

/**
 * A data table of the rules directory ({@link RuleData}) cannot be read: the file, the 1-based line (0 for the whole
 * file) and what is wrong. The rule loader reports it as a refused rule file, so a bad edit keeps the previous rules
 * serving.
 */
public class RuleDataException extends RuntimeException {
    private final String file;
    private final long line;
    private final String problem;

    public RuleDataException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The table's file name, e.g. {@code gas-networks.csv}. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem is the whole file. */
    public long line() {
        return line;
    }

    /** The problem without file and line. */
    public String problem() {
        return problem;
    }
}
