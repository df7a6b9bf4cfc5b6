package org.secflow.modification;

import java.time.LocalDate;
import org.secflow.problem.InvalidFieldException;

/**
 * One event of a modification's life, as posted to {@code POST /api/modifications/{reference}/events}. Dates are
 * business dates (the dates of the documents, never the wall clock).
 *
 * @param type what happened
 * @param date when (ISO date); never earlier than the modification's last event
 * @param endDate end of a range, not before {@code date}: the published end of a {@code REFINEMENT_CONSULTATION} or
 *                {@code MODIFICATION_REPORT_CONSULTATION} (without it the consultation stays open until a
 *                {@code CONSULTATION_CLOSED}); optional for any other event given as a range in its document
 *                ("6 Jul - 23 Jul 2021", "May 2021")
 * @param body the body that discussed or approved: Panel, CSC, Working Group, SSC, TABASC, OPSG, TAG, Change Board
 *             (required for {@code MODIFICATION_REPORT_APPROVED}; optional for {@code DISCUSSED}, since a document
 *             may say only "SEC Sub-Committees")
 * @param outcome {@code CHANGE_BOARD_VOTE} and {@code AUTHORITY_DECISION}
 * @param path {@code CONVERTED_TO_MODIFICATION_PROPOSAL}
 * @param release the SEC Release an {@code IMPLEMENTED} modification went into, recorded as given
 * @param source where the event comes from, e.g. {@code SEC Panel paper, December 2020, MP139 Appendix 1}; optional
 * @param recommendation the Modification Report's recommended implementation approach when the event states it (e.g.
 *                       with {@code MODIFICATION_REPORT_APPROVED}); replaces the modification's recommendation; optional
 * @throws InvalidFieldException (422) naming the field when a field the type needs is missing or inconsistent
 */
public record ModificationEvent(ModificationEventType type, LocalDate date, LocalDate endDate, String body,
                                Outcome outcome, ModificationPath path, String release, String source,
                                ReleaseRecommendation recommendation) {

    public ModificationEvent {
        if (type == null) {
            throw new InvalidFieldException("type", "every event has a type", "type is missing");
        }
        if (date == null) {
            throw new InvalidFieldException("date", "every event has an ISO date", "date is missing");
        }
        if (endDate != null && endDate.isBefore(date)) {
            throw new InvalidFieldException("endDate", "a consultation ends on or after it starts",
                    "endDate " + endDate + " is before date " + date);
        }
        switch (type) {
            case CONVERTED_TO_MODIFICATION_PROPOSAL -> require(path != null, "path",
                    "the Panel sets the path when it converts a Draft Proposal (SEC D3)");
            // DISCUSSED may leave the body out: the papers have "presented to SEC Sub-Committees" without naming one
            case MODIFICATION_REPORT_APPROVED -> require(body != null && !body.isBlank(), "body",
                    "the event names the body that approved the report (Panel or CSC)");
            case CHANGE_BOARD_VOTE, AUTHORITY_DECISION -> require(outcome != null, "outcome",
                    "a vote or decision is APPROVED or REJECTED");
            case IMPLEMENTED -> require(release != null && !release.isBlank(), "release",
                    "an implemented modification names its SEC Release");
            default -> { }
        }
    }

    /** An event that states no recommendation. */
    public ModificationEvent(ModificationEventType type, LocalDate date, LocalDate endDate, String body, Outcome outcome,
                             ModificationPath path, String release, String source) {
        this(type, date, endDate, body, outcome, path, release, source, null);
    }

    /** Whether this is a consultation with no published end (open until a {@code CONSULTATION_CLOSED}). */
    public boolean opensConsultation() {
        return (type == ModificationEventType.REFINEMENT_CONSULTATION || type == ModificationEventType.MODIFICATION_REPORT_CONSULTATION)
                && endDate == null;
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new InvalidFieldException(field, rule, field + " is missing");
        }
    }
}
