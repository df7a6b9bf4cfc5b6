package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.secflow.rules.RealRules;

/**
 * The real modification timetables of the SEC Panel papers and Modification Reports, {@code examples/modifications/*.json} (one file per modification,
 * DP and MP stages in one history): shape, ISO dates in non-decreasing order, known event types, bodies and paths,
 * a source cited by public title on every event, and a replay through the lifecycle's stage machine (SEC Section D) ending in
 * the file's {@code expectedFinalStage}. The machine here is the one the files were written against; the platform's
 * own lifecycle must accept the same files.
 */
class ModificationExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("reference", "title", "proposer", "raisedOn", "source",
            "expectedFinalStage", "expectedFinalStageSource", "events");
    /** Optional top-level fields: the release scope and where the source states it (always together). */
    private static final Set<String> SCOPE_FIELDS = Set.of("scope", "scopeSource");
    /** Optional top-level field: the Modification Report's recommended implementation approach. */
    private static final String RECOMMENDATION = "recommendation";
    /** Sources are cited by public title: the documents our timelines come from. */
    private static final String PUBLIC_TITLE = "SEC Panel paper, (December 2020|June 2021)|[DM]P170 draft Modification Report"
            + "|Preliminary Impact Assessment for SECMP0170";
    private static final Set<String> EVENT_FIELDS = Set.of("type", "date", "endDate", "body", "outcome", "path", "release", "source");
    private static final Set<String> BODIES = Set.of("Panel", "CSC", "Working Group", "SSC", "TABASC", "OPSG", "TAG",
            "Change Board", "Authority", "DCC");
    private static final Set<String> PATHS = Set.of("SELF_GOVERNANCE", "AUTHORITY_DETERMINATION", "AUTHORITY_LED", "FAST_TRACK");
    private static final Set<String> STAGES = Set.of("DRAFT_PROPOSAL", "REFINEMENT", "REPORT_PHASE", "CHANGE_BOARD",
            "AUTHORITY_DECISION", "APPEAL_WINDOW", "APPROVED", "IMPLEMENTED", "REJECTED", "WITHDRAWN", "BACKED_OUT");
    /** Event types each stage allows (WITHDRAWN is allowed before a decision: added below). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "DRAFT_PROPOSAL", Set.of("PRESENTED_TO_CSC", "REQUEST_FOR_INFORMATION", "DISCUSSED", "CONVERTED_TO_MODIFICATION_PROPOSAL"),
            "REFINEMENT", Set.of("DISCUSSED", "REQUEST_FOR_INFORMATION", "PRESENTED_TO_CSC", "PRELIMINARY_ASSESSMENT_REQUESTED",
                    "PRELIMINARY_ASSESSMENT_RETURNED", "IMPACT_ASSESSMENT_COSTS_APPROVED", "IMPACT_ASSESSMENT_REQUESTED",
                    "IMPACT_ASSESSMENT_RETURNED", "REFINEMENT_CONSULTATION", "MODIFICATION_REPORT_APPROVED"),
            "REPORT_PHASE", Set.of("MODIFICATION_REPORT_CONSULTATION", "DISCUSSED", "REQUEST_FOR_INFORMATION",
                    "IMPACT_ASSESSMENT_RETURNED", "CHANGE_BOARD_VOTE"),
            "CHANGE_BOARD", Set.of("CHANGE_BOARD_VOTE"),
            "AUTHORITY_DECISION", Set.of("AUTHORITY_DECISION"),
            "APPEAL_WINDOW", Set.of("REFERRED_TO_AUTHORITY", "IMPLEMENTED"),
            "APPROVED", Set.of("IMPLEMENTED"),
            "IMPLEMENTED", Set.of("REFERRED_TO_AUTHORITY", "REFERRAL_WINDOW_CLOSED"), "REJECTED", Set.of(), "WITHDRAWN", Set.of());
    private static final Set<String> BEFORE_DECISION = Set.of("DRAFT_PROPOSAL", "REFINEMENT", "REPORT_PHASE", "CHANGE_BOARD",
            "AUTHORITY_DECISION");

    private static Path examples() {
        return RealRules.dir().toAbsolutePath().getParent().resolve("examples").resolve("modifications");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(examples())) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void holdsTheNineRealTimetablesOfTheSeeds() throws IOException {
        assertThat(files()).extracting(p -> p.getFileName().toString()).containsExactly("MP092.json", "MP106.json",
                "MP138.json", "MP139.json", "MP144.json", "MP159.json", "MP160.json", "MP162.json", "MP170.json");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsWellFormedAndReplaysToItsExpectedFinalStage() throws IOException {
        return files().stream().map(f -> dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode m = JSON.readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        m.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(name + " fields").containsAll(TOP_FIELDS);
        Set<String> extra = Set.copyOf(fields.stream().filter(f -> !TOP_FIELDS.contains(f) && !f.equals(RECOMMENDATION)).toList());
        assertThat(extra.isEmpty() || extra.equals(SCOPE_FIELDS)).as(name + " optional fields " + extra).isTrue();
        if (m.has("scope")) {
            assertThat(m.get("scopeSource").asText()).as(name + " scopeSource").containsPattern(PUBLIC_TITLE).contains("\"");
            assertThat(ModificationTimetable.read(file).scope()).as(name + " scope").isNotNull();
        }
        if (m.has(RECOMMENDATION)) {
            for (JsonNode o : m.get(RECOMMENDATION)) {
                assertThat(o.path("source").asText()).as(name + " recommendation source").containsPattern(PUBLIC_TITLE).contains("\"");
            }
            assertThat(ModificationTimetable.read(file).recommendation().isEmpty()).as(name + " recommendation").isFalse();
        }
        for (String f : TOP_FIELDS) {
            if (!f.equals("events")) {
                assertThat(m.get(f).isTextual() && !m.get(f).asText().isBlank()).as(name + " " + f).isTrue();
            }
        }
        String reference = m.get("reference").asText();
        assertThat(reference).as(name + " reference").matches("(DP|MP)\\d{3}");
        assertThat(name).isEqualTo("MP" + reference.substring(2) + ".json");
        assertThat(m.get("source").asText()).as(name + " source").containsPattern(PUBLIC_TITLE);
        assertThat(STAGES).as(name + " expectedFinalStage").contains(m.get("expectedFinalStage").asText());

        LocalDate previous = LocalDate.parse(m.get("raisedOn").asText());
        String stage = "DRAFT_PROPOSAL";
        String path = null;
        boolean paRequested = false;
        boolean iaCostsApproved = false;
        boolean iaRequested = false;
        int i = 0;
        for (Iterator<JsonNode> it = m.get("events").elements(); it.hasNext(); i++) {
            JsonNode e = it.next();
            String where = name + " event " + i;
            List<String> eventFields = new ArrayList<>();
            e.fieldNames().forEachRemaining(eventFields::add);
            assertThat(EVENT_FIELDS).as(where + " fields").containsAll(eventFields);
            String type = e.path("type").asText();
            assertThat(e.path("source").asText()).as(where + " source").containsPattern(PUBLIC_TITLE).contains("\"");
            LocalDate date = LocalDate.parse(e.path("date").asText());
            assertThat(date).as(where + " date not before the previous event or raisedOn").isAfterOrEqualTo(previous);
            previous = date;
            if (e.has("endDate")) {
                assertThat(LocalDate.parse(e.get("endDate").asText())).as(where + " endDate").isAfterOrEqualTo(date);
            }
            if (e.has("body")) {
                assertThat(BODIES).as(where + " body").contains(e.get("body").asText());
            }
            if (e.has("outcome")) {
                assertThat(e.get("outcome").asText()).as(where + " outcome").isIn("APPROVED", "REJECTED");
            }
            if (e.has("path")) {
                assertThat(PATHS).as(where + " path").contains(e.get("path").asText());
            }
            boolean allowed = ALLOWED.getOrDefault(stage, Set.of()).contains(type) || (type.equals("WITHDRAWN") && BEFORE_DECISION.contains(stage));
            assertThat(allowed).as(where + ": " + type + " in stage " + stage).isTrue();
            switch (type) {
                case "CONVERTED_TO_MODIFICATION_PROPOSAL" -> {
                    assertThat(e.has("path")).as(where + " path").isTrue();
                    path = e.get("path").asText();
                    stage = path.equals("FAST_TRACK") ? "CHANGE_BOARD" : "REFINEMENT";
                }
                case "PRELIMINARY_ASSESSMENT_REQUESTED" -> paRequested = true;
                case "PRELIMINARY_ASSESSMENT_RETURNED" -> assertThat(paRequested).as(where + " requested before").isTrue();
                case "IMPACT_ASSESSMENT_COSTS_APPROVED" -> iaCostsApproved = true;
                case "IMPACT_ASSESSMENT_REQUESTED" -> {
                    assertThat(iaCostsApproved).as(where + " costs approved before").isTrue();
                    iaRequested = true;
                }
                case "IMPACT_ASSESSMENT_RETURNED" -> assertThat(iaRequested).as(where + " requested before").isTrue();
                case "REFINEMENT_CONSULTATION", "MODIFICATION_REPORT_CONSULTATION" ->
                        assertThat(e.has("endDate") || e.path("source").asText().contains("open"))
                                .as(where + " endDate, or a source saying why it is open").isTrue();
                case "DISCUSSED" -> assertThat(e.has("body") || e.has("endDate")).as(where + " body").isTrue();
                case "MODIFICATION_REPORT_APPROVED" -> {
                    assertThat(e.has("body")).as(where + " body").isTrue();
                    stage = "REPORT_PHASE";
                }
                case "CHANGE_BOARD_VOTE" -> {
                    boolean approved = e.get("outcome").asText().equals("APPROVED");
                    boolean changeBoardDecides = "SELF_GOVERNANCE".equals(path) || "FAST_TRACK".equals(path);
                    stage = !changeBoardDecides ? "AUTHORITY_DECISION" : approved ? "APPEAL_WINDOW" : "REJECTED";
                }
                case "AUTHORITY_DECISION" -> stage = e.get("outcome").asText().equals("APPROVED") ? "APPROVED" : "REJECTED";
                case "IMPLEMENTED" -> {
                    assertThat(e.has("release")).as(where + " release").isTrue();
                    stage = "IMPLEMENTED";
                }
                case "WITHDRAWN" -> stage = "WITHDRAWN";
                default -> {
                }
            }
        }
        assertThat(stage).as(name + " final stage").isEqualTo(m.get("expectedFinalStage").asText());
        // and the platform's own strict reader takes it
        ModificationTimetable read = ModificationTimetable.read(file);
        assertThat(read.events()).hasSize(m.get("events").size());
        assertThat(ModificationStage.valueOf(read.expectedFinalStage())).isNotNull();
    }
}
