package org.secflow.modification;

/**
 * What a modification needs from the release that implements it (its recommended implementation approach).
 *
 * @param duisUplift the change needs a DUIS uplift (DUIS uplifts come in only some releases, one a year: MP170,
 *     seed 000_efbde31704eb4246.txt section 6 "only have one uplift per year")
 * @param dccSystemChanges the change needs DCC System changes (a "document only change" has none: MP092, MP138)
 * @param adHocWorkingDays when not null, the change is implemented ad hoc this many Working Days (at least 1) after
 *     the decision instead of in a scheduled release (MP139 "One Working Day after decision", seed
 *     004_4621c6eb08935939.txt MP139 section 6); the other flags are then ignored
 */
public record ReleaseScope(boolean duisUplift, boolean dccSystemChanges, Integer adHocWorkingDays) {

    public ReleaseScope {
        if (adHocWorkingDays != null && adHocWorkingDays < 1) {
            throw new IllegalArgumentException("adHocWorkingDays must be at least 1: " + adHocWorkingDays);
        }
        if (duisUplift && !dccSystemChanges) {
            // a DUIS uplift is a change to the DCC User Interface and so to DCC Systems
            dccSystemChanges = true;
        }
    }

    /** A document-only change (no DCC System changes, no DUIS uplift) in a scheduled release. */
    public static ReleaseScope documentOnly() {
        return new ReleaseScope(false, false, null);
    }

    /** A change to DCC Systems without a DUIS uplift, in a scheduled release. */
    public static ReleaseScope dccSystemChange() {
        return new ReleaseScope(false, true, null);
    }

    /** A change that needs a DUIS uplift (and so DCC System changes), in a scheduled release with one. */
    public static ReleaseScope withDuisUplift() {
        return new ReleaseScope(true, true, null);
    }

    /** An ad-hoc implementation {@code workingDays} Working Days after the decision. */
    public static ReleaseScope adHoc(int workingDays) {
        return new ReleaseScope(false, false, workingDays);
    }

    /** Whether the change is implemented ad hoc rather than in a scheduled release. */
    public boolean adHoc() {
        return adHocWorkingDays != null;
    }

    @Override
    public String toString() {
        if (adHoc()) {
            return "ad hoc, " + adHocWorkingDays + " Working Day(s) after the decision";
        }
        return duisUplift ? "needs a DUIS uplift and DCC System changes"
                : dccSystemChanges ? "needs DCC System changes" : "document only";
    }
}
