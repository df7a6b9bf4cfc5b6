package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code secflow rules test} passes on the shipped rules and fails on a wrong case. */
class RulesCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(Path rules) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new SecflowCli()).execute("rules", "test", "--rules", rules.toString());
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void passesOnTheShippedRules() {
        Run r = run(Path.of(System.getProperty("secflow.rules", "../../rules")));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void failsWithTheCaseWhenAnExpectationIsWrong() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path cases = dir.resolve("alt-han.cases.csv");
        String text = Files.readString(cases);
        String line = text.lines().filter(l -> l.contains("ALTHAN-JOIN-UNJOIN")).findFirst().orElseThrow();
        Files.writeString(cases, text.replace(line, line.replace("REJECTED,ALTHAN-JOIN-UNJOIN", "ACCEPTED,")));

        Run r = run(dir);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED").containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void runsThePlannedMaintenanceTableAndFailsWithItsCase() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path cases = dir.resolve("maintenance.cases.csv");
        String text = Files.readString(cases);
        String line = text.lines().filter(l -> l.startsWith("Low Impact window of 6 h 1 min,")).findFirst().orElseThrow();
        Files.writeString(cases, text.replace(line, line.replace("REJECTED,PM-LOW-DURATION", "ACCEPTED,")));

        Run r = run(dir);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED maintenance.cases.csv:" + (text.lines().toList().indexOf(line) + 1)
                + " Low Impact window of 6 h 1 min").containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void runsTheCreditCoverTableAndFailsWithItsCase() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path cases = dir.resolve("credit-cover.cases.csv");
        String text = Files.readString(cases);
        String line = text.lines().filter(l -> l.startsWith("shortfall not topped up by the deadline is an Event of Default,"))
                .findFirst().orElseThrow();
        Files.writeString(cases, text.replace(line, line.replace(",2025-06-04,true,", ",2025-06-04,false,")));

        Run r = run(dir);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED credit-cover.cases.csv:" + (text.lines().toList().indexOf(line) + 1)
                + " shortfall not topped up by the deadline is an Event of Default: default expected false got true")
                .containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    private void copyRules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void runsTheReleaseTargetingTableAgainstTheEditedRecommendationAndFailsWithItsCase() throws IOException {
        copyRules();
        // moving MP170's November 2023 cut-off (MP170 draft Modification Report section 6: "on or before 2 May 2023") a
        // day earlier in its recommendation
        Path recommendations = dir.resolve("release-recommendations.csv");
        String text = Files.readString(recommendations);
        String row = text.lines().filter(l -> l.startsWith("MP170,1,November 2023 SEC Release,2023-11-02,2023-05-02,"))
                .findFirst().orElseThrow();
        Files.writeString(recommendations, text.replace(row, row.replace(",2023-05-02,", ",2023-05-01,")));
        String cases = Files.readString(dir.resolve("release-targeting.cases.csv"));
        int caseLine = cases.lines().toList().indexOf(cases.lines()
                .filter(l -> l.startsWith("mp170-decided-on-the-november-2023-cut-off,")).findFirst().orElseThrow()) + 1;

        Run r = run(dir);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED release-targeting.cases.csv:" + caseLine + " mp170-decided-on-the-november-2023-cut-off")
                .contains("got November 2024 SEC Release").containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void aBadCalendarRowStopsWithExit2NamingFileAndLine() throws IOException {
        copyRules();
        Path calendar = dir.resolve("sec-releases.csv");
        String text = Files.readString(calendar);
        String row = text.lines().filter(l -> l.startsWith("February 2022 SEC Release,")).findFirst().orElseThrow();
        Files.writeString(calendar, text.replace(row, row.replace("2022-02-10", "10 Feb 2022")));

        Run r = run(dir);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("release calendar refused: sec-releases.csv:" + (text.lines().toList().indexOf(row) + 1));
    }

    @Test
    void runsTheRegistrationCasesAgainstTheEditedDistributorTableAndFailsWithThem() throws IOException {
        copyRules();
        // distributor id 15 handed to another ED Party: DNO-NORTH's cases for id 15 no longer hold
        Path table = dir.resolve("electricity-distributors.csv");
        String text = Files.readString(table);
        String row = text.lines().filter(l -> l.startsWith("15,DNO-NORTH,")).findFirst().orElseThrow();
        Files.writeString(table, text.replace(row, row.replace("15,DNO-NORTH,", "15,DNO-OTHER,")));

        Run r = run(dir);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED registered-supplier.cases.csv:")
                .contains("ED reads an ESME in its distribution area (distributor id 15): expected ACCEPTED");
    }

    @Test
    void aBadRegistrationTableRowStopsWithExit2NamingFileAndLine() throws IOException {
        copyRules();
        Path table = dir.resolve("rsa-appointments.csv");
        String text = Files.readString(table);
        String row = text.lines().filter(l -> l.startsWith("MOP-A,")).findFirst().orElseThrow();
        Files.writeString(table, text.replace(row, row.replace(",ELECTRICITY,", ",WATER,")));

        Run r = run(dir);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("rules refused:").contains("rsa-appointments.csv:" + (text.lines().toList().indexOf(row) + 1)
                + ": column fuel is 'WATER', expected ELECTRICITY, GAS or ALL");
    }
}
