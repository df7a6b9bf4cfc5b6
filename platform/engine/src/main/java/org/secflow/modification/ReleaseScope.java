package org.secflow.modification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.secflow.problem.InvalidFieldException;

/**
 * What a modification needs from the release that implements it (its recommended implementation approach).
 *
 * @param duisUplift the change needs a DUIS uplift (DUIS uplifts come in only some releases, one a year: MP170,
 *     MP170 draft Modification Report section 6 "only have one uplift per year")
 * @param dccSystemChanges the change needs DCC System changes (a "document only change" has none: MP092, MP138)
 * @param adHocWorkingDays when not null, the change is implemented ad hoc this many Working Days (at least 1) after
 *     the decision instead of in a scheduled release (MP139 "One Working Day after decision", seed
 *     SEC Panel paper, December 2020, MP139 section 6); the other flags are then ignored
 *
 * <p>As JSON (the {@code scope} of {@code POST /api/modifications} and of an {@code examples/modifications/*.json}
 * timetable): {@code {"duisUplift": true}}, {@code {"dccSystemChanges": true}}, {@code {"dccSystemChanges": false}}
 * (document only; so is {@code {}}) or {@code {"adHocWorkingDays": 1}}; see {@link #fromJson}. A modification raised
 * without a scope gets {@link #DEFAULT}.
 */
public record ReleaseScope(boolean duisUplift, boolean dccSystemChanges, Integer adHocWorkingDays) {

    /**
     * The scope of a modification raised without one: DCC System changes, no DUIS uplift, scheduled release. The
     * cautious choice: its cut-offs are the earlier ones, so a document-only change raised without a scope is targeted
     * later than it could be, never earlier than it can be built (a DUIS uplift cannot be assumed: state it).
     */
    public static final ReleaseScope DEFAULT = dccSystemChange();

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

    /**
     * The scope as JSON gives it; an absent flag is false. Stricter than the constructor: an ad-hoc scope takes no
     * {@code true} flag (the release-targeting rules would ignore it).
     *
     * @throws InvalidFieldException (422, field {@code scope}) when adHocWorkingDays is below 1 or comes with a true flag
     */
    @JsonCreator
    public static ReleaseScope fromJson(@JsonProperty("duisUplift") Boolean duisUplift,
                                        @JsonProperty("dccSystemChanges") Boolean dccSystemChanges,
                                        @JsonProperty("adHocWorkingDays") Integer adHocWorkingDays) {
        boolean duis = Boolean.TRUE.equals(duisUplift);
        boolean dcc = Boolean.TRUE.equals(dccSystemChanges);
        if (adHocWorkingDays != null && adHocWorkingDays < 1) {
            throw new InvalidFieldException("scope", "an ad-hoc implementation is at least 1 Working Day after the decision"
                    + " (MP139: SEC Panel paper, December 2020, MP139 section 6)", "adHocWorkingDays " + adHocWorkingDays + " is below 1");
        }
        if (adHocWorkingDays != null && (duis || dcc)) {
            throw new InvalidFieldException("scope", "an ad-hoc scope is adHocWorkingDays alone (release targeting ignores"
                    + " duisUplift and dccSystemChanges for an ad-hoc implementation)",
                    "adHocWorkingDays comes with " + (duis ? "duisUplift" : "dccSystemChanges") + " true");
        }
        if (duis && Boolean.FALSE.equals(dccSystemChanges)) {
            throw new InvalidFieldException("scope", "a DUIS uplift is a change to DCC Systems",
                    "duisUplift true with dccSystemChanges false");
        }
        return new ReleaseScope(duis, dcc, adHocWorkingDays);
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
