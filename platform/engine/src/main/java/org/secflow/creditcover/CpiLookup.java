package org.secflow.creditcover;

/** Asks the CPI table (rules/credit-cover-cpi.drl.csv) for the index of a month ({@code yyyy-MM}). */
public final class CpiLookup {
    private final String month;

    public CpiLookup(String month) {
        this.month = month;
    }

    public String getMonth() {
        return month;
    }
}
