package org.secflow.modification;

import java.util.Optional;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires release targeting ({@link ReleaseTargeting}: rules/sec-releases.csv and rules/release-targeting.drl, the
 * rules in service) into the modification lifecycle: the target SEC Release is set when a decision approves.
 *
 * <p>Each decision is targeted with the modification's own recommendation (its Modification Report's options, first
 * fitting one wins) and scope ({@link ReleaseScope}: the {@code scope} it was
 * raised with, {@link ReleaseScope#DEFAULT} DCC System changes when none was given). When no release fits or the
 * calendar is unreadable, the target stays empty (logged) and the decision still stands.
 */
public final class ModificationReleases {
    private static final Logger LOG = LoggerFactory.getLogger(ModificationReleases.class);
    private ModificationReleases() {
    }

    /** The targeting of the running platform over the rules in service. */
    public static DecisionReleaseTarget target(RuleBase rules, WorkingDays workingDays) {
        ReleaseTargeting targeting = new ReleaseTargeting(workingDays);
        return (reference, decided, scope, recommendation) -> {
            try {
                return Optional.of(targeting.target(rules, decided, scope, recommendation));
            } catch (NoReleaseFitsException | ReleaseCalendarException e) {
                LOG.warn("no target SEC Release for {} ({}) decided on {}: {}", reference, scope, decided, e.getMessage());
                return Optional.empty();
            }
        };
    }
}
