package org.secflow.modification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;
import org.secflow.rules.RuleSessions;

/**
 * Picks the SEC Release that implements an approved modification: the calendar ({@code rules/sec-releases.csv}, one
 * {@link SecReleaseFact} a row) and a {@link ReleaseTargetingRequest} go through rules/release-targeting.drl, which
 * chooses the earliest release whose decision cut-off is on or after the decision date and whose row admits the
 * change's scope, or, for an ad-hoc implementation, the Nth Working Day after the decision (computed here with
 * {@link WorkingDays}: England and Wales bank holidays). A modification's own recommendation
 * ({@link ReleaseRecommendation}, its Modification Report's section 6) comes first: its first option that fits the
 * decision wins (MP092 and MP106: SEC Panel paper, December 2020; MP138 and MP162: SEC Panel paper, June 2021; MP170:
 * MP170 draft Modification Report; MP139 "One Working Day after decision"); the calendar decides when the
 * modification has none or every cut-off of it has passed.
 *
 * <p>The calendar is read at targeting time, so an edited {@code sec-releases.csv} counts from the next call (with
 * or without a rules reload); every target records the calendar's content hash beside the rules version.
 * Thread-safe.
 */
public final class ReleaseTargeting {
    /** The release name of an ad-hoc implementation. */
    public static final String AD_HOC_RELEASE = "Ad hoc SEC Release";

    private final WorkingDays workingDays;

    public ReleaseTargeting(WorkingDays workingDays) {
        this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    }

    /**
     * Targets with the rules in service and the calendar of the rule base's directory.
     *
     * @throws NoReleaseFitsException when no release of the calendar fits, with the reason
     * @throws ReleaseCalendarException when {@code sec-releases.csv} is missing or has a bad row (file and line)
     */
    public TargetRelease target(RuleBase ruleBase, LocalDate decisionDate, ReleaseScope scope) {
        return target(ruleBase.current(), ruleBase.directory(), decisionDate, scope, ReleaseRecommendation.NONE);
    }

    /**
     * Targets with the rules in service, the calendar of the rule base's directory and the modification's own
     * recommendation (its first fitting option wins; the calendar when none fits).
     *
     * @throws NoReleaseFitsException when nothing fits, with the reason
     * @throws ReleaseCalendarException when {@code sec-releases.csv} is missing or has a bad row (file and line)
     */
    public TargetRelease target(RuleBase ruleBase, LocalDate decisionDate, ReleaseScope scope, ReleaseRecommendation recommendation) {
        return target(ruleBase.current(), ruleBase.directory(), decisionDate, scope, recommendation);
    }

    /**
     * Targets with {@code rules} and the calendar {@code rulesDir/sec-releases.csv}, read now.
     *
     * @throws NoReleaseFitsException when no release of the calendar fits, with the reason
     * @throws ReleaseCalendarException when {@code sec-releases.csv} is missing or has a bad row (file and line)
     */
    public TargetRelease target(LoadedRules rules, Path rulesDir, LocalDate decisionDate, ReleaseScope scope) {
        return target(rules, calendar(rulesDir), decisionDate, scope, ReleaseRecommendation.NONE);
    }

    /**
     * Targets with {@code rules}, the calendar {@code rulesDir/sec-releases.csv}, read now, and a recommendation.
     *
     * @throws NoReleaseFitsException when nothing fits, with the reason
     * @throws ReleaseCalendarException when {@code sec-releases.csv} is missing or has a bad row (file and line)
     */
    public TargetRelease target(LoadedRules rules, Path rulesDir, LocalDate decisionDate, ReleaseScope scope,
                                ReleaseRecommendation recommendation) {
        return target(rules, calendar(rulesDir), decisionDate, scope, recommendation);
    }

    /**
     * Targets with {@code rules} and {@code calendar}.
     *
     * @param decisionDate the day the decision to approve is made
     * @param scope what the change needs from its release
     * @return the release, its go-live day, the cut-off met, the rule id and the row's source
     * @throws NoReleaseFitsException when no release of the calendar fits (every fitting cut-off has passed, or no
     *     row admits the scope), or when no release-targeting rule is loaded
     * @throws IllegalStateException when the rules choose more than one release (a rule file is wrong)
     */
    public TargetRelease target(LoadedRules rules, ReleaseCalendar calendar, LocalDate decisionDate, ReleaseScope scope,
                                ReleaseRecommendation recommendation) {
        Objects.requireNonNull(decisionDate, "decisionDate");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(recommendation, "recommendation");
        ReleaseTargetingRequest request = new ReleaseTargetingRequest();
        request.setDecisionDate(decisionDate);
        request.setDuisUplift(scope.duisUplift());
        request.setDccSystemChanges(scope.dccSystemChanges());
        request.setAdHoc(scope.adHoc());
        if (scope.adHoc()) {
            request.setAdHocWorkingDays(scope.adHocWorkingDays());
            request.setAdHocDate(workingDays.plus(decisionDate, scope.adHocWorkingDays()));
        }
        ReleaseTargetingResult result = new ReleaseTargetingResult();
        List<Object> facts = new ArrayList<>();
        calendar.releases().forEach(r -> facts.add(new SecReleaseFact(r)));
        for (int i = 0; i < recommendation.options().size(); i++) {
            RecommendedRelease o = recommendation.options().get(i);
            facts.add(new RecommendedReleaseFact(i + 1, o, leadTimeEnd(decisionDate, o)));
        }
        facts.add(request);
        facts.add(result);
        RuleSessions.fire(rules, facts);

        List<ReleaseTargetingResult.Choice> choices = result.getChoices();
        if (choices.size() > 1) {
            throw new IllegalStateException("the release-targeting rules chose " + choices.size() + " releases for a decision on "
                    + decisionDate + " (" + scope + "): " + choices);
        }
        if (choices.isEmpty()) {
            ReleaseTargetingResult.Refusal why = result.getRefusals().isEmpty() ? null : result.getRefusals().get(0);
            throw new NoReleaseFitsException(decisionDate, scope, why == null ? null : why.ruleId(), why == null
                    ? "no release-targeting rule answered for a decision on " + decisionDate + " (" + scope
                        + "): is rules/release-targeting.drl in the rules directory?"
                    : why.reason() + " (" + calendar.file() + ")");
        }
        ReleaseTargetingResult.Choice c = choices.get(0);
        return new TargetRelease(c.release(), c.implementationDate(), c.decisionCutOff(), c.ruleId(), c.source(),
                c.calendarLine(), rules.version(), calendar.version());
    }

    private LocalDate leadTimeEnd(LocalDate decided, RecommendedRelease o) {
        if (o.leadTime() == null) {
            return null;
        }
        return o.leadTimeUnit() == RecommendedRelease.LeadTimeUnit.MONTHS ? decided.plusMonths(o.leadTime())
                : workingDays.plus(decided, o.leadTime());
    }

    /**
     * The calendar of {@code rulesDir} as it is now, read and parsed on every call (a few dozen rows: microseconds;
     * no cache to go stale after an edit).
     *
     * @throws ReleaseCalendarException when the file is missing or has a bad row (file and line)
     */
    public ReleaseCalendar calendar(Path rulesDir) {
        return ReleaseCalendar.inRulesDirectory(rulesDir);
    }
}
