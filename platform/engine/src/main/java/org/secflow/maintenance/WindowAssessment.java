package org.secflow.maintenance;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One window as the rules saw it.
 *
 * @param id the window's id
 * @param start start, UK local time with its offset
 * @param end end, UK local time with its offset
 * @param startMonth the month whose limits it counts against (the month it starts in), {@code yyyy-MM}
 * @param durationMinutes elapsed minutes
 * @param kind MONTHLY or ADDITIONAL
 * @param disrupts the services disrupted or at Material Risk
 * @param consumerAffecting whether consumers may be affected
 * @param declaredImpact the impact declared, or null
 * @param classification HIGH or LOW, as the rules classify it
 * @param riskScore the Change Risk Calculator score (information), or null without a complexity
 * @param workingDaysBeforeStart Working Days from publication (included) to the window's start day (excluded)
 * @param description the Maintenance activity
 */
public record WindowAssessment(String id, OffsetDateTime start, OffsetDateTime end, String startMonth,
                               long durationMinutes, WindowKind kind, Set<DisruptedService> disrupts,
                               boolean consumerAffecting, Impact declaredImpact, Impact classification,
                               Integer riskScore, int workingDaysBeforeStart, String description) {
}
