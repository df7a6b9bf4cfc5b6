package org.secflow.registration;

import org.secflow.rules.scenario.DataTableException;

/**
 * A registration table of the rules directory cannot be read: the file, the 1-based line (0 for the whole file) and
 * what is wrong. The rule loader reports it as a refused rule file, so a bad edit keeps the previous rules serving.
 */
public final class RegistrationTableException extends DataTableException {

    public RegistrationTableException(String file, long line, String message) {
        super(file, line, message);
    }
}
