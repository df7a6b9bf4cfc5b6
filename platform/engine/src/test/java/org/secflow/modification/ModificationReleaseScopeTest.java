package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.InvalidFieldException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;
import org.secflow.workflow.ProcessDeployer;
import org.secflow.workflow.WorkflowEngine;

/**
 * A modification's release scope (stored with it, V8__modification_scope.sql) decides its target SEC Release: the
 * timetables of {@code examples/modifications/} carry their scopes, replayed through the service with the real
 * rules/release-targeting.drl and rules/sec-releases.csv (targeted as the server wires it), then decided. Sources: the
 * MP170 draft Modification Report and the SEC Panel paper, December 2020 (section 6 of each report).
 */
class ModificationReleaseScopeTest {
    private static final Path EXAMPLES = RealRules.dir().toAbsolutePath().getParent().resolve("examples").resolve("modifications");

    private Database database;
    private WorkflowEngine workflow;
    private ModificationService service;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        database = FreshDatabase.open();
        workflow = WorkflowEngine.start(database.dataSource(), database.isPostgresql(), false);
        workflow.registerBean(ModificationProcessBean.BEAN, new ModificationProcessBean(new WorkingDays(), 10));
        new ProcessDeployer(workflow.engine(), RealRules.dir().toAbsolutePath().resolveSibling("bpmn"), Clock.systemUTC()).deployAll();
        LoadedRules rules = RealRules.load();
        ReleaseTargeting targeting = new ReleaseTargeting(new WorkingDays());
        DecisionReleaseTarget real = (reference, decided, scope, recommendation) -> {
            try {
                return Optional.of(targeting.target(rules, RealRules.dir(), decided, scope, recommendation));
            } catch (NoReleaseFitsException e) {
                return Optional.empty();
            }
        };
        service = new ModificationService(database.jdbi(), workflow.engine(), real, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        workflow.close();
        database.close();
    }

    private ModificationView replayAndApprove(String file, String decided) {
        ModificationTimetable t = ModificationTimetable.read(EXAMPLES.resolve(file));
        assertThat(service.replay(t, "test").refused()).isEmpty();
        return service.postEvent(t.reference(), new ModificationEvent(ModificationEventType.CHANGE_BOARD_VOTE,
                LocalDate.parse(decided), null, "Change Board", Outcome.APPROVED, null, null, null), ModificationServiceTest.SECAS);
    }

    @Test
    void mp170NeedsADuisUpliftSoADecisionAfter2May2023SkipsToTheNovember2024Release() {
        // MP170 draft Modification Report, section 6: "2 November 2023 (November 2023 SEC Release) if a decision to
        // approve is received on or before 2 May 2023; or 7 November 2024 (November 2024 SEC Release) if a decision
        // to approve is received after 2 May 2023 but on or before 6 May 2024" ... "the next scheduled release that
        // includes a DUIS uplift"
        ModificationView decided = replayAndApprove("MP170.json", "2023-05-03");

        assertThat(decided.scope()).isEqualTo(ReleaseScope.withDuisUplift());
        assertThat(decided.stage()).isEqualTo(ModificationStage.APPEAL_WINDOW);
        assertThat(decided.targetRelease()).isEqualTo("November 2024 SEC Release");
        assertThat(decided.targetImplementationDate()).isEqualTo(LocalDate.of(2024, 11, 7));
        assertThat(service.view("MP170").targetRelease()).isEqualTo("November 2024 SEC Release");
        TargetRelease byCutOff = service.targetIfDecidedOn("MP170", LocalDate.of(2023, 5, 2)).orElseThrow();
        assertThat(byCutOff.release()).isEqualTo("November 2023 SEC Release");
        assertThat(byCutOff.implementationDate()).isEqualTo(LocalDate.of(2023, 11, 2));
        // the default scope (DCC System changes, no DUIS uplift) would target the June 2024 release: the scope matters
        service.create(new NewModification("DP171", "no scope given", "test", LocalDate.of(2021, 6, 16)), ModificationServiceTest.SECAS);
        assertThat(service.targetIfDecidedOn("DP171", LocalDate.of(2023, 5, 3))).map(TargetRelease::release)
                .hasValue("June 2024 SEC Release");
    }

    @Test
    void mp139ReplaysToItsImplementationOneWorkingDayAfterTheVoteInsideTheReferralWindow() {
        // SEC Panel paper, December 2020, MP139 section 6: "One Working Day after decision" ... "This would be before
        // the 10 working day Self-Governance decision referral window closes"; Appendix 1: "Change Board Vote
        // 20 Jan 2021", "Implementation (if approved) 21 Jan 2021"
        ModificationTimetable t = ModificationTimetable.read(EXAMPLES.resolve("MP139.json"));
        ReplayResult r = service.replay(t, "test");

        assertThat(r.refused()).isEmpty();
        assertThat(r.ok()).isTrue();
        ModificationView v = service.view("MP139");
        assertThat(v.stage()).isEqualTo(ModificationStage.IMPLEMENTED);
        assertThat(v.targetRelease()).isEqualTo(ReleaseTargeting.AD_HOC_RELEASE);
        assertThat(v.targetImplementationDate()).isEqualTo(LocalDate.of(2021, 1, 21));
        assertThat(v.appealWindowEnd()).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(v.subjectToReferralUntil()).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(v.recommendation().options()).hasSize(1);
        // decided on Friday 22 January 2021: Monday 25 January
        assertThat(service.targetIfDecidedOn("MP139", LocalDate.of(2021, 1, 22))).map(TargetRelease::implementationDate)
                .hasValue(LocalDate.of(2021, 1, 25));
    }

    @Test
    void mp106DecidedOn4June2021TargetsTheNovember2021ReleaseItsReportRecommends() {
        // SEC Panel paper, December 2020, MP106 section 6: "If, however, the modification is approved after 3 June
        // 2021, the modification will be implemented in the next possible release, the November 2021 SEC Release"
        ModificationView decided = replayAndApprove("MP106.json", "2021-06-04");

        assertThat(decided.targetRelease()).isEqualTo("November 2021 SEC Release");
        assertThat(decided.targetImplementationDate()).isEqualTo(LocalDate.of(2021, 11, 4));
        assertThat(service.targetIfDecidedOn("MP106", LocalDate.of(2021, 6, 2))).map(TargetRelease::release)
                .hasValue("June 2021 SEC Release");
    }

    @Test
    void mp092IsDocumentOnlySoItMeetsTheFebruary2021DocumentCutOff() {
        // SEC Panel paper, December 2020, MP092 section 6: "This is a document only change and it has no impact on DCC Systems";
        // lines 646-647: "25 February 2021 (February 2021 SEC Release) if ... on or before 11 February 2021"
        ModificationView decided = replayAndApprove("MP092.json", "2021-01-20");

        assertThat(decided.scope()).isEqualTo(ReleaseScope.documentOnly());
        assertThat(decided.targetRelease()).isEqualTo("February 2021 SEC Release");
        assertThat(decided.targetImplementationDate()).isEqualTo(LocalDate.of(2021, 2, 25));
    }

    @Test
    void aModificationRaisedWithoutAScopeIsTargetedAsNeedingDccSystemChanges() {
        ModificationView v = service.create(new NewModification("DP200", "no scope", "test", LocalDate.of(2021, 1, 4)), ModificationServiceTest.SECAS);

        assertThat(v.scope()).isEqualTo(ReleaseScope.DEFAULT).isEqualTo(ReleaseScope.dccSystemChange());
        assertThat(v.targetImplementationDate()).isNull();
    }

    @Test
    void aTimetableWithAnAdHocScopeThatAlsoClaimsDccSystemChangesOrAnUnknownScopeFieldIsRefused() throws IOException {
        String both = Files.readString(EXAMPLES.resolve("MP139.json"))
                .replace("\"scope\": {\"adHocWorkingDays\": 1}", "\"scope\": {\"adHocWorkingDays\": 1, \"dccSystemChanges\": true}");
        String unknown = Files.readString(EXAMPLES.resolve("MP139.json"))
                .replace("\"scope\": {\"adHocWorkingDays\": 1}", "\"scope\": {\"adHoc\": 1}");
        Files.writeString(dir.resolve("both.json"), both);
        Files.writeString(dir.resolve("unknown.json"), unknown);

        assertThatThrownBy(() -> ModificationTimetable.read(dir.resolve("both.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adHocWorkingDays comes with dccSystemChanges");
        assertThatThrownBy(() -> ModificationTimetable.read(dir.resolve("unknown.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adHoc");
        assertThatThrownBy(() -> ReleaseScope.fromJson(null, null, 0)).isInstanceOf(InvalidFieldException.class);
        assertThat(ReleaseScope.fromJson(null, null, null)).isEqualTo(ReleaseScope.documentOnly());
    }
}
