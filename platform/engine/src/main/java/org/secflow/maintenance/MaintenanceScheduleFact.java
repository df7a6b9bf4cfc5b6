package org.secflow.maintenance;

/**
 * What the rules see of a proposed monthly schedule of Planned Maintenance (SEC H8.4): its month and how many
 * Working Days before that month it is published. A JavaBean for Drools, built by {@link MaintenanceService}.
 */
public final class MaintenanceScheduleFact {
    private String month;
    private String publishedOn;
    private int workingDaysBeforeMonth;
    private boolean hasMonthlyWindows;

    /** The month the schedule is for, {@code yyyy-MM}. */
    public String getMonth() { return month; }
    public void setMonth(String v) { month = v; }
    /** The day the schedule is made available, ISO date. */
    public String getPublishedOn() { return publishedOn; }
    public void setPublishedOn(String v) { publishedOn = v; }
    /** Working Days from the publication day (included) to the first day of the month (excluded). */
    public int getWorkingDaysBeforeMonth() { return workingDaysBeforeMonth; }
    public void setWorkingDaysBeforeMonth(int v) { workingDaysBeforeMonth = v; }
    /** Whether any window is of kind MONTHLY (part of the monthly schedule, not an additional window). */
    public boolean isHasMonthlyWindows() { return hasMonthlyWindows; }
    public void setHasMonthlyWindows(boolean v) { hasMonthlyWindows = v; }
}
