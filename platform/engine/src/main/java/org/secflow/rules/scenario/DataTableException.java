package org.secflow.rules.scenario;

/**
 * A table of the rules directory cannot be read: its file, the 1-based line (0 for the whole file) and what is
 * wrong; the message is {@code file:line: what} ({@code file: what} for the whole file). Each feature throws its own
 * subclass, so that callers keep telling a scenario table ({@link ScenarioTableException}) from a registration table
 * or the SEC Release calendar. Not sealed: Java seals across packages only inside a named module, and each subclass
 * lives with the feature that reads the table.
 */
public abstract class DataTableException extends RuntimeException {
    private final String file;
    private final long line;
    private final String problem;

    /**
     * @param file the table's file name, e.g. {@code gas-networks.csv}
     * @param line 1-based line, 0 when the whole file is concerned
     * @param problem what is wrong
     */
    protected DataTableException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The table's file name. */
    public final String file() {
        return file;
    }

    /** 1-based line, 0 when the problem is the whole file. */
    public final long line() {
        return line;
    }

    /** The problem without file and line. */
    public final String problem() {
        return problem;
    }
}
