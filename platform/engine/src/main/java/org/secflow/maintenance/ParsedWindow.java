package org.secflow.maintenance;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A checked window: UK local (Europe/London) times, end after start.
 *
 * @param id unique in its schedule
 * @param start UK local start
 * @param end UK local end, after start
 * @param impact the declared impact, or null
 * @param disrupts the services disrupted or at Material Risk
 * @param consumerAffecting whether consumers may be affected
 * @param description the Maintenance activity
 * @param kind MONTHLY or ADDITIONAL
 * @param complexity for the Change Risk Calculator, or null
 */
public record ParsedWindow(String id, LocalDateTime start, LocalDateTime end, Impact impact,
                           Set<DisruptedService> disrupts, boolean consumerAffecting, String description,
                           WindowKind kind, Complexity complexity) {
    public ParsedWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        disrupts = Set.copyOf(disrupts);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window " + id + " ends at " + end + ", not after its start " + start);
        }
    }
}
