package org.secflow.rules.scenario;

/**
 * Implemented by the exception of a feature whose scenario cases read a data table beside the rules (e.g. the SEC
 * Release calendar {@code sec-releases.csv}) when that table cannot be read: the case did not fail, the directory is
 * unusable. The exception's message is {@code file:line: what}.
 */
public interface DataTableRefusal {
    /** What the table is, for people, e.g. {@code release calendar}. */
    String table();
}
