package org.secflow.maintenance;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A window of a stored (published) schedule.
 *
 * @param scheduleId the schedule it belongs to
 * @param month the month of that schedule, {@code yyyy-MM}
 * @param id the window's id in the schedule
 * @param start UK local start with its offset
 * @param end UK local end with its offset
 * @param startMonth the month it counts against (the one it starts in)
 * @param impact HIGH or LOW as classified when stored
 * @param kind MONTHLY or ADDITIONAL
 * @param disrupts the services disrupted or at Material Risk
 * @param consumerAffecting whether consumers may be affected
 * @param riskScore the Change Risk Calculator score, or null
 * @param description the Maintenance activity
 */
public record StoredWindow(String scheduleId, String month, String id, OffsetDateTime start, OffsetDateTime end,
                           String startMonth, Impact impact, WindowKind kind, Set<DisruptedService> disrupts,
                           boolean consumerAffecting, Integer riskScore, String description) {
}
