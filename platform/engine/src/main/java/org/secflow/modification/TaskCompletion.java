package org.secflow.modification;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/tasks/{id}/complete}; every field optional. A task whose BPMN carries
 * {@code secflow.completesWith} posts that event with these fields (e.g. {@code outcome} for the Change Board
 * vote); any other task simply completes.
 *
 * @param date business date (default: today in Europe/London, for a live modification)
 * @param endDate end of a range
 * @param body the body acting
 * @param outcome APPROVED / REJECTED for a vote or decision
 * @param path the path, for a conversion
 * @param release the SEC Release, for an implementation
 * @param source citation
 */
public record TaskCompletion(LocalDate date, LocalDate endDate, String body, Outcome outcome, ModificationPath path,
                             String release, String source) {
    /** No fields. */
    public static final TaskCompletion EMPTY = new TaskCompletion(null, null, null, null, null, null, null);
}
