package org.secflow.modification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.secflow.json.JsonMappers;

/**
 * One modification's timetable as taken from the Modification Reports and Panel papers ({@code examples/modifications/*.json}, one file per
 * modification, each event citing its source), replayed by {@code secflow modifications replay} and
 * {@code serve --demo}.
 *
 * @param reference DP or MP reference it is raised under
 * @param title title
 * @param proposer proposer
 * @param raisedOn date the Draft Proposal was raised
 * @param scope what the change needs from its release ({@link ReleaseScope#fromJson} shape), or null for
 *              {@link ReleaseScope#DEFAULT}
 * @param scopeSource where the source says so (public title + section and the quoted words), or null
 * @param recommendation the Modification Report's recommended implementation approach ({@link ReleaseRecommendation}
 *                       JSON shape, each option with its source), or null
 * @param source the document it comes from, by public title (docs/sources.md)
 * @param expectedFinalStage the stage its document describes at its last event (a {@link ModificationStage} name)
 * @param expectedFinalStageSource where the document says so
 * @param events the events after DRAFT_PROPOSAL_RAISED, in order
 */
public record ModificationTimetable(String reference, String title, String proposer, LocalDate raisedOn,
                                    ReleaseScope scope, String scopeSource, ReleaseRecommendation recommendation, String source,
                                    String expectedFinalStage, String expectedFinalStageSource, List<ModificationEvent> events) {
    private static final ObjectMapper JSON = JsonMappers.files();

    public ModificationTimetable {
        events = events == null ? List.of() : List.copyOf(events);
        recommendation = recommendation == null ? ReleaseRecommendation.NONE : recommendation;
    }

    /**
     * Reads a timetable file (strict: an unknown field is an error).
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static ModificationTimetable read(Path file) {
        try {
            return JSON.readValue(file.toFile(), ModificationTimetable.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read timetable " + file + ": " + e.getMessage(), e);
        }
    }
}
