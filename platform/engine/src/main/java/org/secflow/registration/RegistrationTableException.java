package org.secflow.registration;

/**
 * A registration table of the rules directory cannot be read: the file, the 1-based line (0 for the whole file) and
 * what is wrong. The rule loader reports it as a refused rule file, so a bad edit keeps the previous rules serving.
 */
public final class RegistrationTableException extends RuntimeException {
    private final String file;
    private final long line;

    public RegistrationTableException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
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
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
