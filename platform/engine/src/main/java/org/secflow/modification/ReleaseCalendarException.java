package org.secflow.modification;

import org.secflow.rules.scenario.DataTableRefusal;

/** The SEC Release calendar {@code rules/sec-releases.csv} cannot be read: file, 1-based line (0: whole file), what. */
public final class ReleaseCalendarException extends RuntimeException implements DataTableRefusal {
    private final String file;
    private final long line;

    public ReleaseCalendarException(String file, long line, String message) {
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

    @Override
    public String table() {
        return "release calendar";
    }
}
