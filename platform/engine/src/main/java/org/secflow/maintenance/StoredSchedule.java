package org.secflow.maintenance;

import java.time.Instant;

/**
 * A published schedule as stored.
 *
 * @param scheduleId its id
 * @param month its month, {@code yyyy-MM}
 * @param storedBy the user id that stored it
 * @param storedAt when
 * @param replaces the id of the schedule it replaced for the same month, or null
 * @param validation the check that allowed it (no violations; warnings possible)
 */
public record StoredSchedule(String scheduleId, String month, String storedBy, Instant storedAt, String replaces,
                             ScheduleValidation validation) {
}
