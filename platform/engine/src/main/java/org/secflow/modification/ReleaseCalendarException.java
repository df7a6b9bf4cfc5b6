package org.secflow.modification;

import org.secflow.rules.scenario.DataTableException;
import org.secflow.rules.scenario.DataTableRefusal;

/** The SEC Release calendar {@code rules/sec-releases.csv} cannot be read: file, 1-based line (0: whole file), what. */
public final class ReleaseCalendarException extends DataTableException implements DataTableRefusal {

    public ReleaseCalendarException(String file, long line, String message) {
        super(file, line, message);
    }

    @Override
    public String table() {
        return "release calendar";
    }
}
