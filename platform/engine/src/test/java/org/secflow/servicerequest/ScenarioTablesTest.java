package org.secflow.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.rules.scenario.ScenarioTableException;

class ScenarioTablesTest {
    private static final String HEADER = String.join(",", ScenarioTables.COLUMNS);

    @Test
    void readsCasesWithEmptyCellsAsNullFalseAndZero(@TempDir Path dir) throws IOException {
        Path f = write(dir, "x.cases.csv", HEADER,
                "# a comment line",
                "",
                "firmware ok,11.4,IS,SUP-A,P-1,true,PPMID,,,,1500000000015,,,SUP-A,,,,,true,true,true,CH-1,,,ACCEPTED,,");

        List<ScenarioCase> cases = ScenarioTables.read(f);

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.location()).isEqualTo("x.cases.csv:4");
            assertThat(c.altHanVariant()).isNull();
            assertThat(c.altHanDevice()).isFalse();
            assertThat(c.type1DevicesOnHub()).isZero();
            assertThat(c.expectedRuleId()).isNull();
            ServiceRequestFact fact = c.toFact();
            assertThat(fact.getSrv()).isEqualTo("11.4");
            assertThat(fact.isImageApplicable()).isTrue();
            assertThat(fact.getImportSupplier()).isEqualTo("SUP-A");
        });
    }

    @Test
    void refusesABadFlagWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.cases.csv", HEADER,
                "a,1.1.1,IS,SUP-A,E-1,true,ESME,,,,1500000000015,,,SUP-A,,,,,,,,,,,ACCEPTED,,",
                "",
                "# b: a device the SMI does not know",
                "b,1.1.1,IS,SUP-A,E-1,maybe,ESME,,,,1500000000015,,,SUP-A,,,,,,,,,,,ACCEPTED,,");

        assertThatThrownBy(() -> ScenarioTables.read(f))
                .isInstanceOfSatisfying(ScenarioTableException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.cases.csv");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("deviceKnown", "maybe");
                });
    }

    @Test
    void refusesARejectedCaseWithoutRuleId(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.cases.csv", HEADER,
                "a,1.1.1,IS,SUP-A,E-1,true,ESME,,,,1500000000015,,,SUP-A,,,,,,,,,,,REJECTED,,");

        assertThatThrownBy(() -> ScenarioTables.read(f))
                .isInstanceOfSatisfying(ScenarioTableException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("expectedRuleId");
                });
    }

    @Test
    void refusesAMissingColumn(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.cases.csv", HEADER.replace(",expectedRuleId", ""));

        assertThatThrownBy(() -> ScenarioTables.read(f))
                .isInstanceOfSatisfying(ScenarioTableException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("missing [expectedRuleId]");
                });
    }

    @Test
    void listsOnlyScenarioTables(@TempDir Path dir) throws IOException {
        write(dir, "a.cases.csv", HEADER);
        write(dir, "a.drl.csv", "RuleSet,x");
        write(dir, "a.drl", "package x");

        assertThat(ScenarioTables.files(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.cases.csv");
    }

    private static Path write(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
