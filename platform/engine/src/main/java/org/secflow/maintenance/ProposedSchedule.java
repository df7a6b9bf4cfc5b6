package org.secflow.maintenance;

import java.util.List;

/**
 * A proposed schedule of Planned Maintenance (SEC H8.4): {@code {month: "2027-03", publishedOn: "2027-01-15",
 * windows: [...]}}. Text as sent; {@link MaintenanceService} checks every field (400 naming it).
 *
 * @param month the month the schedule is for, {@code yyyy-MM}
 * @param publishedOn the day it is (to be) made available to Parties, ISO date
 * @param windows its windows
 */
public record ProposedSchedule(String month, String publishedOn, List<ProposedWindow> windows) {
}
