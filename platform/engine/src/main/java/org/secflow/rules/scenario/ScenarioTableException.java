package org.secflow.rules.scenario;

/**
 * A scenario table {@code rules/<set>.cases.csv} cannot be read.
 *
 * @see ScenarioCsv
 */
public final class ScenarioTableException extends RuntimeException {
    private final String file;
    private final long line;

    /**
     * @param file scenario table file name
     * @param line 1-based line, 0 when the whole file is concerned
     * @param message what is wrong
     */
    public ScenarioTableException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
