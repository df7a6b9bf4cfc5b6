package org.secflow.modification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event of a modification's history (table {@code modification_event}).
 *
 * @param seq 1, 2, ... in the order recorded
 * @param type an {@link ModificationEventType} name, or {@code TASK_COMPLETED} for a user task without an event
 * @param date business date of the event
 * @param endDate end of a consultation, or null
 * @param body body named, or (for {@code TASK_COMPLETED}) the task's name
 * @param outcome APPROVED / REJECTED, or null
 * @param path path set, or null
 * @param release SEC Release, or null
 * @param source citation of the event's source, or null
 * @param stageAfter the stage the modification was in after the event
 * @param recordedBy user ID that posted it
 * @param recordedAt wall-clock time it was recorded (audit only; never used for deadlines)
 */
public record HistoryEntry(int seq, String type, LocalDate date, LocalDate endDate, String body, Outcome outcome,
                           ModificationPath path, String release, String source, ModificationStage stageAfter,
                           String recordedBy, Instant recordedAt) {
}
