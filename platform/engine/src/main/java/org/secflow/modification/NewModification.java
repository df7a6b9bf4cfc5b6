package org.secflow.modification;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.secflow.problem.InvalidFieldException;

/**
 * A modification as it is raised ({@code POST /api/modifications}).
 *
 * @param reference {@code DPnnn} for a Draft Proposal, {@code MPnnn} (optionally a letter, e.g. {@code MP102A})
 *                  for one created as a Modification Proposal
 * @param title the modification's title, e.g. {@code Firmware updates to Point to Point Alt HAN Devices}
 * @param proposer the proposer (person or Party)
 * @param raisedOn the date the Draft Proposal was raised (business date; recorded as DRAFT_PROPOSAL_RAISED)
 * @param scope what the change needs from the release that implements it (JSON shape: {@link ReleaseScope#fromJson});
 *              null (absent) means {@link ReleaseScope#DEFAULT}, DCC System changes
 * @param recommendation its Modification Report's recommended implementation approach ({@link ReleaseRecommendation}
 *              JSON shape), or null (absent) for none: the SEC Release calendar decides
 * @throws InvalidFieldException (422) naming the field when one is missing or malformed
 */
public record NewModification(String reference, String title, String proposer, LocalDate raisedOn, ReleaseScope scope,
                              ReleaseRecommendation recommendation) {
    static final Pattern REFERENCE = Pattern.compile("(DP|MP)\\d{1,4}[A-Z]?");

    public NewModification {
        if (reference == null || reference.length() > 12 || !REFERENCE.matcher(reference).matches()) {
            throw new InvalidFieldException("reference", "a reference is DPnnn or MPnnn (SEC Section D)",
                    "'" + reference + "' is not a DP or MP reference");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidFieldException("title", "a modification has a title", "title is missing");
        }
        if (title.length() > 500) {
            throw new InvalidFieldException("title", "a title has at most 500 characters", "title has " + title.length());
        }
        if (proposer == null || proposer.isBlank()) {
            throw new InvalidFieldException("proposer", "a modification has a proposer", "proposer is missing");
        }
        if (proposer.length() > 200) {
            throw new InvalidFieldException("proposer", "a proposer has at most 200 characters", "proposer has " + proposer.length());
        }
        if (raisedOn == null) {
            throw new InvalidFieldException("raisedOn", "the date the Draft Proposal was raised", "raisedOn is missing");
        }
        scope = scope == null ? ReleaseScope.DEFAULT : scope;
        recommendation = recommendation == null ? ReleaseRecommendation.NONE : recommendation;
    }

    /** A modification raised with a scope and no recommendation. */
    public NewModification(String reference, String title, String proposer, LocalDate raisedOn, ReleaseScope scope) {
        this(reference, title, proposer, raisedOn, scope, null);
    }

    /** A modification raised without a scope ({@link ReleaseScope#DEFAULT}). */
    public NewModification(String reference, String title, String proposer, LocalDate raisedOn) {
        this(reference, title, proposer, raisedOn, null, null);
    }
}
