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
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.User;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.ConflictException;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.workflow.WorkflowEngine;

/**
 * every timetable of {@code examples/modifications/} (taken from the Modification Reports' progression timetables) replays
 * through the service with no refused event and ends in the stage its document describes; with two events swapped
 * it is refused at the swapped event. Also: one history under DP and MP, no partial state after a refusal, release
 * targeting at the decision. Real HSQLDB, real Camunda, the real BPMN.
 */
class ModificationServiceTest {
    /** The Code Administrator: records every event (bpmn/modification-lifecycle.bpmn, secflow.recordedBy). */
    static final User SECAS = new User("secas", "SECAS", "SECAS", null, null, Set.of("secas"));
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
        DecisionReleaseTarget fake = (reference, decided, scope, recommendation) -> {
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
                t.scope(), t.scopeSource(), t.recommendation(), t.source(), t.expectedFinalStage(), t.expectedFinalStageSource(), events), "test");

        assertThat(r.refused()).isNotEmpty();
        assertThat(r.refused().get(0).index()).isBetween(k, k + 1);
        assertThat(r.refused().get(0).status()).isEqualTo(409);
    }

    @Test
    void aConvertedDraftProposalHasOneHistoryUnderBothReferences() {
        service.create(new NewModification("DP170", "Firmware updates to Point to Point Alt HAN Devices", "AltHANCo",
                LocalDate.of(2021, 6, 16)), SECAS);
        service.postEvent("DP170", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2021-07-27",
                null, ModificationPath.SELF_GOVERNANCE), SECAS);

        ModificationView byMp = service.view("MP170");
        assertThat(byMp.reference()).isEqualTo("DP170");
        assertThat(byMp.aliasReference()).isEqualTo("MP170");
        assertThat(byMp.stage()).isEqualTo(ModificationStage.REFINEMENT);
        assertThat(byMp.history()).extracting(HistoryEntry::type)
                .containsExactly("DRAFT_PROPOSAL_RAISED", "CONVERTED_TO_MODIFICATION_PROPOSAL");
        assertThatThrownBy(() -> service.create(new NewModification("MP170", "again", "x", LocalDate.of(2021, 8, 1)), SECAS))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anEventTheProcessDoesNotAllowIsRefusedNamingTheStageAndTheAllowedEventsAndNothingChanges() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), SECAS);

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2021-01-20",
                Outcome.APPROVED, null), SECAS))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> {
                    assertThat(e.stage()).isEqualTo(ModificationStage.DRAFT_PROPOSAL);
                    assertThat(e.allowedEvents()).contains("CONVERTED_TO_MODIFICATION_PROPOSAL", "WITHDRAWN")
                            .doesNotContain("CHANGE_BOARD_VOTE");
                });
        assertThat(service.view("DP139").history()).hasSize(1);
    }

    @Test
    void anEventDatedBeforeTheLastEventIsRefused() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), SECAS);

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.PRESENTED_TO_CSC, "2020-08-17",
                null, null), SECAS))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    private ModificationView approvedBySelfGovernance() {
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), SECAS);
        service.postEvent("DP139", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2020-09-11", null,
                ModificationPath.SELF_GOVERNANCE), SECAS);
        service.postEvent("DP139", new ModificationEvent(ModificationEventType.MODIFICATION_REPORT_APPROVED,
                LocalDate.parse("2020-12-11"), null, "Panel", null, null, null, null), SECAS);
        return service.postEvent("DP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2021-01-20", Outcome.APPROVED, null), SECAS);
    }

    private static ModificationEvent implemented(String date) {
        return new ModificationEvent(ModificationEventType.IMPLEMENTED, LocalDate.parse(date), null, null, null, null,
                "Ad hoc SEC Release", null);
    }

    @Test
    void anImplementationInsideTheReferralWindowIsAcceptedAndSubjectToReferralUntilTheWindowEnds() {
        ModificationView decided = approvedBySelfGovernance();
        assertThat(decided.stage()).isEqualTo(ModificationStage.APPEAL_WINDOW);
        assertThat(decided.appealWindowEnd()).isEqualTo(LocalDate.of(2021, 2, 10));
        assertThat(decided.targetRelease()).isEqualTo("Release after 2021-01-20");
        assertThat(targeted).containsExactly("DP139 2021-01-20");

        // SEC Panel paper, December 2020, MP139 section 6: one Working Day after the vote, inside the referral window
        ModificationView done = service.postEvent("MP139", implemented("2021-01-21"), SECAS);

        assertThat(done.stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(done.status()).isEqualTo("OPEN");
        assertThat(done.subjectToReferralUntil()).isEqualTo(LocalDate.of(2021, 2, 10));
        assertThat(done.allowedEvents()).containsExactly("REFERRAL_WINDOW_CLOSED", "REFERRED_TO_AUTHORITY");
        assertThatThrownBy(() -> service.postEvent("MP139", event(ModificationEventType.REFERRAL_WINDOW_CLOSED, "2021-02-10", null, null), SECAS))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.getMessage()).contains("2021-02-10"));
        assertThat(service.view("MP139").history()).hasSize(5);

        ModificationView closed = service.postEvent("MP139", event(ModificationEventType.REFERRAL_WINDOW_CLOSED, "2021-02-11", null, null), SECAS);
        assertThat(closed.stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.subjectToReferralUntil()).isNull();
        assertThat(closed.history()).extracting(HistoryEntry::type).endsWith("IMPLEMENTED", "REFERRAL_WINDOW_CLOSED");
    }

    @Test
    void anImplementationAfterTheReferralWindowClosesTheModificationAtOnce() {
        approvedBySelfGovernance();

        ModificationView done = service.postEvent("MP139", implemented("2021-02-11"), SECAS);

        assertThat(done.stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(done.status()).isEqualTo("CLOSED");
        assertThat(done.subjectToReferralUntil()).isNull();
        assertThat(done.history().get(done.history().size() - 1).release()).isEqualTo("Ad hoc SEC Release");
    }

    @Test
    void aReferralInsideTheWindowAfterImplementationFollowedByAnOverturnedDecisionRecordsTheBackOut() {
        approvedBySelfGovernance();
        service.postEvent("MP139", implemented("2021-01-21"), SECAS);

        ModificationView referred = service.postEvent("MP139", event(ModificationEventType.REFERRED_TO_AUTHORITY, "2021-02-03", null, null), SECAS);
        assertThat(referred.stage()).isEqualTo(ModificationStage.AUTHORITY_DECISION);
        assertThat(referred.allowedEvents()).containsExactly("AUTHORITY_DECISION");
        ModificationView overturned = service.postEvent("MP139", event(ModificationEventType.AUTHORITY_DECISION, "2021-03-01",
                Outcome.REJECTED, null), SECAS);

        assertThat(overturned.stage()).isEqualTo(ModificationStage.BACKED_OUT);
        assertThat(overturned.status()).isEqualTo("CLOSED");
        assertThat(overturned.history()).extracting(h -> h.type() + " " + h.stageAfter()).endsWith(
                "IMPLEMENTED IMPLEMENTED", "REFERRED_TO_AUTHORITY AUTHORITY_DECISION", "AUTHORITY_DECISION BACKED_OUT");
    }

    @Test
    void aReferralUpheldBeforeImplementationLeavesTheModificationApprovedWithTheDecisionsTarget() {
        approvedBySelfGovernance();

        service.postEvent("MP139", event(ModificationEventType.REFERRED_TO_AUTHORITY, "2021-01-25", null, null), SECAS);
        ModificationView upheld = service.postEvent("MP139", event(ModificationEventType.AUTHORITY_DECISION, "2021-02-20",
                Outcome.APPROVED, null), SECAS);

        assertThat(upheld.stage()).isEqualTo(ModificationStage.APPROVED);
        assertThat(upheld.targetRelease()).isEqualTo("Release after 2021-01-20");
        assertThat(targeted).containsExactly("DP139 2021-01-20");
    }

    @Test
    void aReferralAfterTheWindowIsRefusedAndNothingChanges() {
        approvedBySelfGovernance();
        service.postEvent("MP139", implemented("2021-01-21"), SECAS);

        assertThatThrownBy(() -> service.postEvent("MP139", event(ModificationEventType.REFERRED_TO_AUTHORITY, "2021-02-11", null, null), SECAS))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.getMessage()).contains("2021-02-10"));
        assertThat(service.view("MP139").stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(service.view("MP139").history()).hasSize(5);
    }

    @Test
    void aConsultationWithoutAnEndDateStaysOpenUntilAConsultationClosedEvent() {
        service.create(new NewModification("DP162", "SEC changes required to deliver MHHS", "DCC", LocalDate.of(2021, 5, 7)), SECAS);
        service.postEvent("DP162", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2021-06-18", null,
                ModificationPath.AUTHORITY_DETERMINATION), SECAS);
        assertThatThrownBy(() -> service.postEvent("DP162", event(ModificationEventType.CONSULTATION_CLOSED, "2021-10-20", null, null), SECAS))
                .isInstanceOfSatisfying(EventRefusedException.class, e -> assertThat(e.getMessage()).contains("no consultation"));

        ModificationView open = service.postEvent("DP162", event(ModificationEventType.REFINEMENT_CONSULTATION, "2021-10-15", null, null), SECAS);
        assertThat(open.openConsultation()).isEqualTo(new ModificationView.OpenConsultation("REFINEMENT_CONSULTATION", LocalDate.of(2021, 10, 15)));

        ModificationView closed = service.postEvent("DP162", event(ModificationEventType.CONSULTATION_CLOSED, "2021-11-05", null, null), SECAS);
        assertThat(closed.openConsultation()).isNull();
        assertThat(closed.stage()).isEqualTo(ModificationStage.REFINEMENT);
        assertThat(closed.history()).extracting(HistoryEntry::type).endsWith("REFINEMENT_CONSULTATION", "CONSULTATION_CLOSED");
    }

    @Test
    void eachEventIsRecordedOnlyByTheGroupsItsBpmnElementNames() {
        User supplier = new User("supplier", "Supplier A", "SUPPLIER-A", Set.of(DccUserRole.IS, DccUserRole.GS), null);
        User panel = new User("panel", "Panel", "SEC-PANEL", null, null, Set.of("panel"));
        User changeBoard = new User("cb", "Change Board", "SEC-PANEL", null, null, Set.of("change-board"));
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), supplier);

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.WITHDRAWN, "2020-09-01", null, null), supplier))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.rule()).contains("[secas]", "dpWithdrawn"));
        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2020-09-01",
                Outcome.APPROVED, null), panel))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.rule()).contains("change-board"));
        service.postEvent("DP139", event(ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL, "2020-09-11", null,
                ModificationPath.FAST_TRACK), panel);
        ModificationView voted = service.postEvent("MP139", event(ModificationEventType.CHANGE_BOARD_VOTE, "2020-09-23",
                Outcome.APPROVED, null), changeBoard);
        assertThat(voted.stage()).isEqualTo(ModificationStage.APPEAL_WINDOW);
        assertThat(voted.history()).extracting(HistoryEntry::recordedBy).containsExactly("supplier", "panel", "cb");
    }

    @Test
    void datesBefore2013OrMoreThanFiveYearsAheadAreRefusedWith422() {
        LocalDate farAhead = LocalDate.now().plusYears(5).plusDays(2);
        assertThatThrownBy(() -> service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC",
                LocalDate.of(2012, 12, 31)), SECAS))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("raisedOn"));
        service.create(new NewModification("DP139", "MVP and IVP dates for CHTS", "DCC", LocalDate.of(2020, 8, 18)), SECAS);

        assertThatThrownBy(() -> service.postEvent("DP139", event(ModificationEventType.PRESENTED_TO_CSC, farAhead.toString(), null, null), SECAS))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(e.rule()).contains("2013-01-01", "5 years");
                });
        assertThat(service.view("DP139").history()).hasSize(1);
        assertThat(service.postEvent("DP139", event(ModificationEventType.PRESENTED_TO_CSC, "2020-08-28", null, null), SECAS)
                .history()).hasSize(2);
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
