package org.secflow.modification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule fact collecting what rules/release-targeting.drl decided for one {@link ReleaseTargetingRequest}: rules call
 * {@link #choose} or {@link #nothingFits} in their consequence. Not thread-safe; one per targeting.
 */
public final class ReleaseTargetingResult {
    private final List<Choice> choices = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    /**
     * A release chosen by a rule.
     *
     * @param decisionCutOff the calendar row's cut-off, null for an ad-hoc implementation
     * @param calendarLine the calendar row's line, 0 for an ad-hoc implementation
     */
    public record Choice(String ruleId, String release, LocalDate implementationDate, LocalDate decisionCutOff,
                         long calendarLine, String source) {
    }

    /** Why a rule found no release. */
    public record Refusal(String ruleId, String reason, String source) {
    }

    /** Records the target a rule chose. */
    public void choose(String ruleId, String release, LocalDate implementationDate, LocalDate decisionCutOff,
                       long calendarLine, String source) {
        choices.add(new Choice(ruleId, release, implementationDate, decisionCutOff, calendarLine, source));
    }

    /** Records that no release fits, and why. */
    public void nothingFits(String ruleId, String reason, String source) {
        refusals.add(new Refusal(ruleId, reason, source));
    }

    public List<Choice> getChoices() {
        return List.copyOf(choices);
    }

    public List<Refusal> getRefusals() {
        return List.copyOf(refusals);
    }
}
