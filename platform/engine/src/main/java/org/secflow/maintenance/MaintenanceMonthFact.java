package org.secflow.maintenance;

/**
 * A month in which at least one window of the schedule starts ({@code yyyy-MM}): the rules count and add up the
 * windows of each such month. A window belongs to the month in which it starts, even when it ends in the next.
 */
public final class MaintenanceMonthFact {
    private final String month;

    public MaintenanceMonthFact(String month) {
        this.month = month;
    }

    /** The month, e.g. {@code 2027-03}. */
    public String getMonth() {
        return month;
    }
}
