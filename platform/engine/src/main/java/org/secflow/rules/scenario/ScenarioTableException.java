package org.secflow.rules.scenario;

/**
 * A scenario table {@code rules/<set>.cases.csv} cannot be read.
 *
 * @see ScenarioCsv
 */
public final class ScenarioTableException extends DataTableException {

    /**
     * @param file scenario table file name
     * @param line 1-based line, 0 when the whole file is concerned
     * @param message what is wrong
     */
    public ScenarioTableException(String file, long line, String message) {
        super(file, line, message);
    }
}
