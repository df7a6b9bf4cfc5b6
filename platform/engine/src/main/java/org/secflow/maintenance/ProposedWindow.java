package org.secflow.maintenance;

import java.util.List;

/**
 * One window of a proposed schedule, as a User writes it. Times are UK local (Europe/London): ISO local
 * date-times ({@code 2027-03-06T22:00}) or with an offset ({@code 2027-03-06T22:00+00:00}, converted to UK local).
 * The {@link MaintenanceService} checks the fields (400 naming the field).
 *
 * @param id the window's id, unique in the schedule
 * @param start start, text as sent
 * @param end end, text as sent
 * @param impact the declared impact {@code HIGH}/{@code LOW}, or null to let the rules classify
 * @param disrupts the services disrupted or at Material Risk ({@link DisruptedService} names)
 * @param consumerAffecting whether consumers may be affected (e.g. prepayment top-ups)
 * @param description the Maintenance activity in reasonable detail (SEC H8.4(a))
 * @param kind {@code MONTHLY} (default) or {@code ADDITIONAL}
 * @param complexity {@code HIGH}/{@code LOW} for the Change Risk Calculator, or null
 */
public record ProposedWindow(String id, String start, String end, String impact, List<String> disrupts,
                             Boolean consumerAffecting, String description, String kind, String complexity) {
}
