package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secflow.maintenance.WorkingDays;
import org.secflow.problem.ConflictException;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.workflow.WorkflowEngine;

/**
 * Issue 5 acceptance 2: every timetable of {@code examples/modifications/} (extracted from the seeds) replays
 * through the service with no refused event and ends in the stage its document describes; with two events swapped
 * it is refused at the swapped event. Also: one history under DP and MP, no partial state after a refusal, release
 * targeting at the decision. Real HSQLDB, real Camunda, the real BPMN.
 */
class ModificationServiceTest {
    private Database database;
    private WorkflowEngine workflow;
    private ModificationService service;
    private final List<String> targeted = new ArrayList<>();

    @BeforeEach
    void start() {
        database = FreshDatabase.open();
        workflow = WorkflowEngine.start(database.dataSource(), database.isPostgresql(), false);
        workflow.registerBean(ModificationProcessBean.BEAN, new ModificationProcessBean(new WorkingDays(), 15));
        new ProcessDeployer(workflow.engine(), Path.of(System.getProperty("secflow.bpmn", "../../bpmn")), Clock.systemUTC()).deployAll();
        DecisionReleaseTarget fake = (reference, decided, scope) -> {
            targeted.add(reference + " " + decided);
            return Optional.of(new TargetRelease("Release after " + decided, decided.plusDays(30), null, "FAKE", null, 0,
                    null, null));
        };
        service = new ModificationService(database.jdbi(), workflow.engine(), fake, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        workflow.close();
        database.close();
    }

    static Stream<Path> timetables() throws IOException {
        Path dir = Path.of(System.getProperty("secflow.bpmn", "../../bpmn")).resolveSibling("examples").resolve("modifications");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreNineSeedTimetables() throws IOException {
        assertThat(timetables()).hasSize(9);
    }

    @ParameterizedTest
    @MethodSource("timetables")
    void aSeedTimetableReplaysWithNoRefusedEventToTheStageItsDocumentDescribes(Path file) {
        ModificationTimetable t = ModificationTimetable.read(file);

        ReplayResult r = service.replay(t, "test");

        assertThat(r.refused()).isEmpty();
        assertThat(r.finalStage()).isEqualTo(t.expectedFinalStage());
        ModificationView v = service.view(t.reference());
        assertThat(v.history()).hasSize(t.events().size() + 1);
        assertThat(v.history()).extracting(HistoryEntry::date).isSorted();
    }

    @ParameterizedTest
    @MethodSource("timetables")
    void theSameTimetableWithTwoEventsSwappedIsRefusedAtTheSwappedEvent(Path file) {
        ModificationTimetable t = ModificationTimetable.read(file);
        List<ModificationEvent> events = new ArrayList<>(t.events());
        int k = indexOf(events, ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL);
        ModificationEvent converted = events.get(k);
        events.set(k, events.get(k + 1));
        events.set(k + 1, converted);

        ReplayResult r = service.replay(new ModificationTimetable(t.reference(), t.title(), t.proposer(), t.raisedOn(),
                t.scope(), t.scopeSource(), t.source(), t.expectedFinalStage(), t.expectedFinalStageSource(), events), "test");

        assertThat(r.refused()).isNotEmpty();
        assertThat(r.refused().get(0).index()).isBetween(k, k + 1);
        assertThat(r.refused().get(0).status()).isEqualTo(409);
    }

    @Test
    void aConvertedDraftProposalHasOneHistoryUnderBothReferences() {
        service.create(new NewModification("DP170", "Firmware updates to Point to Point Alt HAN Devices", "AltHANCo",
                LocalDate.of(2021, 6, 16)), "test");
        service.postEvent("DP170", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2021-07-27",
                null, ModificationPath.SELF_GOVERNANCE), "test");

        ModificationView byMp = service.view("MP170");
        assertThat(byMp.reference()).isEqualTo("DP170");
        assertThat(byMp.aliasReference()).isEqualTo("MP170");
        assertThat(byMp.stage()).isEqualTo(ModificationStage.REFINEMENT);
        assertThat(byMp.history()).extracting(HistoryEntry::type)
                .containsExactly("DRAFT_PROPOSAL_RAISED", "CONVERTED_TO_MODIFICATION_PROPOSAL");
        assertThatThrownBy(() -> service.create(new NewModification("MP170", "again", "x", LocalDate.of(2021, 8, 1)), "test"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anEventTheProcessDoesNotAllowIsRefusedNamingTheStageAndTheAllowedEventsAndNothingChanges() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), "test");

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2021-01-20",
                Outcome.APPROVED, null), "test"))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> {
                    assertThat(e.stage()).isEqualTo(ModificationStage.DRAFT_PROPOSAL);
                    assertThat(e.allowedEvents()).contains("CONVERTED_TO_MODIFICATION_PROPOSAL", "WITHDRAWN")
                            .doesNotContain("CHANGE_BOARD_VOTE");
                });
        assertThat(service.view("DP139").history()).hasSize(1);
    }

    @Test
    void anEventDatedBeforeTheLastEventIsRefused() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), "test");

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.PRESENTED_TO_CSC, "2020-08-17",
                null, null), "test"))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void aSelfGovernanceApprovalTargetsAReleaseOpensTheAppealWindowAndRefusesAnEarlyImplementationWithoutPartialState() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), "test");
        service.postEvent("DP139", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2020-09-11", null,
                ModificationPath.SELF_GOVERNANCE), "test");
        service.postEvent("DP139", new ModificationEvent(ModificationEventType.MODIFICATION_REPORT_APPROVED,
                LocalDate.parse("2020-12-11"), null, "Panel", null, null, null, null), "test");
        ModificationView decided = service.postEvent("DP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2021-01-20",
                Outcome.APPROVED, null), "test");

        assertThat(decided.stage()).isEqualTo(ModificationStage.APPEAL_WINDOW);
        assertThat(decided.appealWindowEnd()).isEqualTo(LocalDate.of(2021, 2, 10));
        assertThat(decided.targetRelease()).isEqualTo("Release after 2021-01-20");
        assertThat(targeted).containsExactly("DP139 2021-01-20");

        ModificationEvent early = new ModificationEvent(ModificationEventType.IMPLEMENTED, LocalDate.parse("2021-01-21"),
                null, null, null, null, "ad hoc", null);
        assertThatThrownBy(() -> service.postEvent("MP139", early, "test"))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.getMessage()).contains("2021-02-10"));
        assertThat(service.view("MP139").history()).hasSize(4);
        assertThat(service.view("MP139").stage()).isEqualTo(ModificationStage.APPEAL_WINDOW);

        ModificationView done = service.postEvent("MP139", new ModificationEvent(ModificationEventType.IMPLEMENTED,
                LocalDate.parse("2021-02-11"), null, null, null, null, "February 2021 ad hoc", null), "test");
        assertThat(done.stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(done.status()).isEqualTo("CLOSED");
        assertThat(done.history().get(done.history().size() - 1).release()).isEqualTo("February 2021 ad hoc");
    }

    private static ModificationEvent event(ModificationEventType type, String date, Outcome outcome, ModificationPath path) {
        return new ModificationEvent(type, LocalDate.parse(date), null, null, outcome, path, null, null);
    }

    private static int indexOf(List<ModificationEvent> events, ModificationEventType type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type() == type) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
