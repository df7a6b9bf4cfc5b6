package org.secflow.store;

import java.sql.SQLException;

/**
 * Reads the SQLSTATE class of a failed statement (SQL:2016 and both databases agree): 23505 unique violation,
 * 22001 string too long, 22003 number out of range. Lets a feature answer a race or an over-long value as the
 * client's problem instead of a server error.
 */
public final class SqlStates {
    private SqlStates() {
    }

    /** The SQLSTATE of the first {@link SQLException} in the causes of {@code e}, or null. */
    public static String of(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A unique or primary-key constraint refused the row (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable e) {
        return "23505".equals(of(e));
    }

    /** A value does not fit its column (SQLSTATE 22001 string data right truncation, 22003 numeric out of range). */
    public static boolean isValueTooLarge(Throwable e) {
        String s = of(e);
        return "22001".equals(s) || "22003".equals(s);
    }
}
