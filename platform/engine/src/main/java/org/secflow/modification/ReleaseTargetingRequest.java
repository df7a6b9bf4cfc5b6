package org.secflow.modification;

import java.time.LocalDate;

/**
 * Rule fact: which release should implement a modification approved on {@code decisionDate}, for
 * rules/release-targeting.drl. Built by {@link ReleaseTargeting}; the ad-hoc implementation day (decision date plus
 * N Working Days, England and Wales bank holidays) is computed in Java and carried in {@code adHocDate}.
 */
public final class ReleaseTargetingRequest {
    private LocalDate decisionDate;
    private boolean duisUplift;
    private boolean dccSystemChanges;
    private boolean adHoc;
    private int adHocWorkingDays;
    private LocalDate adHocDate;

    /** The day the decision to approve is made (Change Board or Authority). */
    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    /** The change needs a DUIS uplift. */
    public boolean isDuisUplift() {
        return duisUplift;
    }

    public void setDuisUplift(boolean duisUplift) {
        this.duisUplift = duisUplift;
    }

    /** The change needs DCC System changes. */
    public boolean isDccSystemChanges() {
        return dccSystemChanges;
    }

    public void setDccSystemChanges(boolean dccSystemChanges) {
        this.dccSystemChanges = dccSystemChanges;
    }

    /** The change is implemented ad hoc, {@link #getAdHocWorkingDays()} Working Days after the decision. */
    public boolean isAdHoc() {
        return adHoc;
    }

    public void setAdHoc(boolean adHoc) {
        this.adHoc = adHoc;
    }

    /** Working Days after the decision for an ad-hoc implementation (0 when not ad hoc). */
    public int getAdHocWorkingDays() {
        return adHocWorkingDays;
    }

    public void setAdHocWorkingDays(int adHocWorkingDays) {
        this.adHocWorkingDays = adHocWorkingDays;
    }

    /** The ad-hoc implementation day: the {@code adHocWorkingDays}th Working Day after the decision (null when not ad hoc). */
    public LocalDate getAdHocDate() {
        return adHocDate;
    }

    public void setAdHocDate(LocalDate adHocDate) {
        this.adHocDate = adHocDate;
    }
}
