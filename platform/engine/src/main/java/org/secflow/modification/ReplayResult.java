package org.secflow.modification;

import java.time.LocalDate;
import java.util.List;

/**
 * What replaying one timetable gave.
 *
 * @param reference reference raised under
 * @param aliasReference MP reference of a converted DP, or null
 * @param finalStage stage after the last event
 * @param expectedFinalStage stage the timetable's document describes, or null
 * @param targetRelease target SEC Release, or null
 * @param refused events refused (with the HTTP status the API would give and the reason)
 */
public record ReplayResult(String reference, String aliasReference, String finalStage, String expectedFinalStage,
                           String targetRelease, List<Refused> refused) {

    /** One refused event: its 0-based index in the file, type, date, status and reason. */
    public record Refused(int index, String type, LocalDate date, int status, String reason) {
    }

    /** Whether nothing was refused and the final stage is the expected one (when one is given). */
    public boolean ok() {
        return refused.isEmpty() && (expectedFinalStage == null || expectedFinalStage.equals(finalStage));
    }
}
