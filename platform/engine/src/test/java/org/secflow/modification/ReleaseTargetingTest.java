package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.calendar.WorkingDays;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RealRules;
import org.secflow.rules.RuleBase;

/**
 * The recommended implementation approaches, reproduced through the real rules/release-targeting.drl and the
 * real rules/sec-releases.csv (the SEC Panel papers of December 2020 and June 2021 and the MP170 draft Modification
 * Report, section 6 of each modification's report).
 */
class ReleaseTargetingTest {
    private static Path rulesDir;
    private static LoadedRules rules;
    private final ReleaseTargeting targeting = new ReleaseTargeting(new WorkingDays());

    @BeforeAll
    static void loadRealRules() {
        rulesDir = RealRules.dir();
        rules = RealRules.load();
    }

    private TargetRelease target(String decided, ReleaseScope scope) {
        return targeting.target(rules, rulesDir, LocalDate.parse(decided), scope);
    }

    @Test
    void mp092ApprovedOnOrBefore11February2021GoesInTheFebruary2021Release() {
        // SEC Panel paper, December 2020, MP092 section 6: "25 February 2021 (February 2021 SEC Release) if a decision to approve is received on or before 11 February 2021"
        TargetRelease t = target("2021-02-11", ReleaseScope.documentOnly());
        assertThat(t.release()).isEqualTo("February 2021 SEC Release");
        assertThat(t.implementationDate()).isEqualTo(LocalDate.of(2021, 2, 25));
        assertThat(t.decisionCutOff()).isEqualTo(LocalDate.of(2021, 2, 11));
        assertThat(t.ruleId()).isEqualTo("RT-SCHEDULED-RELEASE");
        assertThat(t.source()).contains("SEC Panel paper, December 2020", "MP092");
        assertThat(t.rulesVersion()).isEqualTo(rules.version());
    }

    @Test
    void mp092ApprovedAfter11FebruaryButByTheTenthOfJune2021GoesInTheJune2021Release() {
        // SEC Panel paper, December 2020, MP092 section 6: "24 June 2021 (June 2021 SEC Release) if ... after 11 February 2021 but on or before 10 June 2021"
        assertThat(target("2021-02-12", ReleaseScope.documentOnly()).release()).isEqualTo("June 2021 SEC Release");
        assertThat(target("2021-06-10", ReleaseScope.documentOnly()).implementationDate()).isEqualTo(LocalDate.of(2021, 6, 24));
    }

    @Test
    void mp106ApprovedBefore3June2021GoesInJuneAndAfterwardsByThe21stOfOctoberInNovember2021() {
        // SEC Panel paper, December 2020, MP106 section 6: "24 June 2021 ... before 3 June 2021; or 4 November 2021 ... after 3 June 2021 but on or before 21 October 2021"
        assertThat(target("2021-06-02", ReleaseScope.documentOnly()).release()).isEqualTo("June 2021 SEC Release");
        assertThat(target("2021-06-11", ReleaseScope.documentOnly()).release()).isEqualTo("November 2021 SEC Release");
        TargetRelease onCutOff = target("2021-10-21", ReleaseScope.documentOnly());
        assertThat(onCutOff.release()).isEqualTo("November 2021 SEC Release");
        assertThat(onCutOff.implementationDate()).isEqualTo(LocalDate.of(2021, 11, 4));
    }

    @Test
    void mp138ApprovedAfter21October2021GoesInTheFebruary2022Release() {
        // SEC Panel paper, June 2021, MP138 section 6: "4 November 2021 ... before 21 October 2021; or 24 February 2022 (February 2022 SEC Release) ... on or before 10 February 2022"
        assertThat(target("2021-07-28", ReleaseScope.documentOnly()).release()).isEqualTo("November 2021 SEC Release");
        TargetRelease t = target("2021-10-22", ReleaseScope.documentOnly());
        assertThat(t.release()).isEqualTo("February 2022 SEC Release");
        assertThat(t.implementationDate()).isEqualTo(LocalDate.of(2022, 2, 24));
        assertThat(target("2022-02-10", ReleaseScope.documentOnly()).release()).isEqualTo("February 2022 SEC Release");
    }

    @Test
    void mp170ApprovedOnOrBefore2May2023GoesInTheNovember2023ReleaseWithItsDuisUplift() {
        // MP170 draft Modification Report, section 6: "2 November 2023 (November 2023 SEC Release) if a decision to approve is received on or before 2 May 2023";
        // line 957 "Change Board vote 22 Jun 2022" and line 478 "It is not possible for this modification to target June 2022"
        TargetRelease atVote = target("2022-06-22", ReleaseScope.withDuisUplift());
        assertThat(atVote.release()).isEqualTo("November 2023 SEC Release");
        assertThat(atVote.implementationDate()).isEqualTo(LocalDate.of(2023, 11, 2));
        TargetRelease onCutOff = target("2023-05-02", ReleaseScope.withDuisUplift());
        assertThat(onCutOff.release()).isEqualTo("November 2023 SEC Release");
        assertThat(onCutOff.decisionCutOff()).isEqualTo(LocalDate.of(2023, 5, 2));
    }

    @Test
    void mp170ApprovedAfter2May2023SkipsReleasesWithoutADuisUpliftToNovember2024() {
        // MP170 draft Modification Report, section 6: "7 November 2024 (November 2024 SEC Release) if ... after 2 May 2023 but on or before 6 May 2024";
        // line 476 "DUIS uplifts are targeted to only have one uplift per year"; line 484 "includes a DUIS uplift"
        TargetRelease t = target("2023-05-03", ReleaseScope.withDuisUplift());
        assertThat(t.release()).isEqualTo("November 2024 SEC Release");
        assertThat(t.implementationDate()).isEqualTo(LocalDate.of(2024, 11, 7));
        assertThat(target("2024-05-06", ReleaseScope.withDuisUplift()).release()).isEqualTo("November 2024 SEC Release");
        // a document-only change decided the same day is not held back for a DUIS uplift (ILLUSTRATIVE June 2023 row)
        assertThat(target("2023-05-03", ReleaseScope.documentOnly()).release()).isEqualTo("June 2023 SEC Release");
    }

    @Test
    void mp139IsImplementedAdHocOneWorkingDayAfterTheDecision() {
        // SEC Panel paper, December 2020, MP139 section 6: "One Working Day after decision."; MP139 progression timetable: "Change Board Vote 20 Jan 2021", "Implementation (if approved) 21 Jan 2021"
        TargetRelease t = target("2021-01-20", ReleaseScope.adHoc(1));
        assertThat(t.release()).isEqualTo(ReleaseTargeting.AD_HOC_RELEASE);
        assertThat(t.implementationDate()).isEqualTo(LocalDate.of(2021, 1, 21));
        assertThat(t.ruleId()).isEqualTo("RT-AD-HOC");
        assertThat(t.decisionCutOff()).isNull();
        // Good Friday 2 April and Easter Monday 5 April 2021 are bank holidays in England and Wales
        assertThat(target("2021-04-01", ReleaseScope.adHoc(1)).implementationDate()).isEqualTo(LocalDate.of(2021, 4, 6));
    }

    @Test
    void saysWhyNothingFitsWhenTheCalendarEndsBeforeTheDecision() {
        assertThatThrownBy(() -> target("2025-05-07", ReleaseScope.withDuisUplift()))
                .isInstanceOf(NoReleaseFitsException.class)
                .hasMessageContaining("no SEC Release in the calendar has a decision cut-off on or after 2025-05-07")
                .hasMessageContaining("DUIS uplift")
                .hasMessageContaining("sec-releases.csv")
                .extracting(e -> ((NoReleaseFitsException) e).ruleId()).isEqualTo("RT-NO-RELEASE-FITS");
    }

    @Test
    void anEditedCalendarGivesADifferentTargetAfterAReload(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(rulesDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        try (RuleBase base = new RuleBase(dir, Clock.systemUTC())) {
            assertThat(targeting.target(base, LocalDate.of(2021, 2, 12), ReleaseScope.documentOnly()).release())
                    .isEqualTo("June 2021 SEC Release");

            // an analyst moves MP092's February 2021 cut-off from 11 to 18 February
            Path csv = dir.resolve(ReleaseCalendar.FILE_NAME);
            String text = Files.readString(csv);
            assertThat(text).contains("February 2021 SEC Release,2021-02-25,2021-02-11,");
            Files.writeString(csv, text.replace("February 2021 SEC Release,2021-02-25,2021-02-11,",
                    "February 2021 SEC Release,2021-02-25,2021-02-18,"));
            base.reload();

            TargetRelease t = targeting.target(base, LocalDate.of(2021, 2, 12), ReleaseScope.documentOnly());
            assertThat(t.release()).isEqualTo("February 2021 SEC Release");
            assertThat(t.decisionCutOff()).isEqualTo(LocalDate.of(2021, 2, 18));
            assertThat(t.calendarVersion()).isNotEqualTo(ReleaseCalendar.inRulesDirectory(rulesDir).version());
        }
    }

    @Test
    void aBadCalendarRowIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ReleaseCalendar.FILE_NAME), """
                # comment
                release,implementationDate,decisionCutOff,duisUplift,dccSystemChanges,source
                February 2021 SEC Release,2021-02-25,2021-02-11,false,false,"SEC Panel paper, December 2020, MP092"

                June 2021 SEC Release,24 June 2021,2021-06-10,false,false,"SEC Panel paper, December 2020, MP092"
                """);
        assertThatThrownBy(() -> targeting.target(rules, dir, LocalDate.of(2021, 2, 1), ReleaseScope.documentOnly()))
                .isInstanceOf(ReleaseCalendarException.class)
                .hasMessage("sec-releases.csv:5: column implementationDate is '24 June 2021', expected a date yyyy-MM-dd")
                .satisfies(e -> assertThat(((ReleaseCalendarException) e).line()).isEqualTo(5));
    }

    @Test
    void aCutOffAfterTheGoLiveIsRefusedWithFileAndLine() {
        byte[] csv = """
                release,implementationDate,decisionCutOff,duisUplift,dccSystemChanges,source
                June 2021 SEC Release,2021-06-24,2021-06-30,false,false,"SEC Panel paper, December 2020, MP092"
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseCalendar.parse("sec-releases.csv", csv))
                .isInstanceOf(ReleaseCalendarException.class)
                .hasMessageStartingWith("sec-releases.csv:2: decision cut-off 2021-06-30 is after the implementation date");
    }

    @Test
    void theRuleLoaderSkipsThePlainCalendarButStillRefusesAMisnamedDecisionTable(@TempDir Path dir) throws IOException {
        Files.copy(rulesDir.resolve("release-targeting.drl"), dir.resolve("release-targeting.drl"));
        Files.copy(rulesDir.resolve(ReleaseCalendar.FILE_NAME), dir.resolve(ReleaseCalendar.FILE_NAME));
        LoadedRules loaded = new org.secflow.rules.RuleLoader(Clock.systemUTC()).load(dir);
        assertThat(loaded.files()).extracting(org.secflow.rules.RuleFileInfo::file).containsExactly("release-targeting.drl");
        assertThat(targeting.target(loaded, dir, LocalDate.of(2021, 2, 11), ReleaseScope.documentOnly()).release())
                .isEqualTo("February 2021 SEC Release");

        Files.writeString(dir.resolve("factors.csv"), "\"RuleSet\",\"org.secflow.rules\"\n\"RuleTable x\",\"\"\n");
        assertThatThrownBy(() -> new org.secflow.rules.RuleLoader(Clock.systemUTC()).load(dir))
                .isInstanceOf(org.secflow.rules.RuleLoadException.class)
                .hasMessageContaining("*.drl.csv");
    }
}
