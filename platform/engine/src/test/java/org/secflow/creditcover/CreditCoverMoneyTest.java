package org.secflow.creditcover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.InvalidFieldException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleLoader;

/** Money stays exact (BigDecimal pence), the threshold rounds to the nearest pound half up, Regulatory Years. */
class CreditCoverMoneyTest {
    @TempDir
    Path dir;

    @Test
    void regulatoryYearRunsFromAprilToMarchAndUsesThePrecedingOctober() {
        assertThat(CreditCoverRules.regulatoryYear(LocalDate.of(2026, 3, 31))).isEqualTo("2025/26");
        assertThat(CreditCoverRules.regulatoryYear(LocalDate.of(2026, 4, 1))).isEqualTo("2026/27");
        assertThat(CreditCoverRules.regulatoryYear(LocalDate.of(2099, 12, 1))).isEqualTo("2099/00");
        assertThat(CreditCoverRules.cpiMonth(LocalDate.of(2026, 3, 31))).isEqualTo("2024-10");
        assertThat(CreditCoverRules.cpiMonth(LocalDate.of(2026, 4, 1))).isEqualTo("2025-10");
    }

    @Test
    void amountsArePoundsAndPence() {
        assertThat(Money.pounds(new BigDecimal("12.5"), "amount")).isEqualByComparingTo("12.50").hasToString("12.50");
        assertThatThrownBy(() -> Money.pounds(new BigDecimal("0.001"), "amount")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("fractions of a penny");
        assertThatThrownBy(() -> Money.pounds(new BigDecimal("-1"), "amount")).isInstanceOf(InvalidFieldException.class);
    }

    /** A CPI table where 2000 x 100.05 / 100 = 2001.00 and 2000 x 100.025 / 100 = 2000.50 (rounds UP to 2001). */
    @Test
    void thresholdRoundsToTheNearestPoundHalfUpWithExactDecimals() throws Exception {
        Path real = Path.of(System.getProperty("secflow.rules"));
        Files.copy(real.resolve("credit-cover.drl"), dir.resolve("credit-cover.drl"));
        Files.copy(real.resolve("credit-cover-factors.drl.csv"), dir.resolve("credit-cover-factors.drl.csv"));
        String cpi = Files.readString(real.resolve("credit-cover-cpi.drl.csv"));
        cpi = cpi.replace("\"2014-10\",\"100.1\"", "\"2014-10\",\"100.0\"").replace("\"2024-10\",\"134.3\"", "\"2024-10\",\"100.025\"")
                .replace("\"2025-10\",\"139.3\"", "\"2025-10\",\"100.0249\"");
        Files.writeString(dir.resolve("credit-cover-cpi.drl.csv"), cpi);
        LoadedRules rules = new RuleLoader(Clock.systemUTC()).load(dir);
        CreditCoverRules r = new CreditCoverRules(new WorkingDays());

        assertThat(r.evaluate(rules, inputs(LocalDate.of(2025, 6, 2))).threshold()).isEqualByComparingTo("2001.00");
        assertThat(r.evaluate(rules, inputs(LocalDate.of(2026, 6, 2))).threshold()).isEqualByComparingTo("2000.00");
        assertThatThrownBy(() -> r.evaluate(rules, inputs(LocalDate.of(2030, 6, 2)))).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("no CPI for 2029-10");
    }

    @Test
    void valueAtRiskAndRequirementAreExactToThePenny() {
        LoadedRules rules = new RuleLoader(Clock.systemUTC()).load(Path.of(System.getProperty("secflow.rules")));
        CreditCoverInputs in = new CreditCoverInputs("P", LocalDate.of(2025, 6, 2), new BigDecimal("0.10"), 85, null, false,
                null, null, new BigDecimal("0.10"), new BigDecimal("10000.20"),
                List.of(new CreditSupportInstrument("C", CreditSupportType.CASH_DEPOSIT, new BigDecimal("0.10"), null)), null, null);
        CreditCoverOutcome o = new CreditCoverRules(new WorkingDays()).evaluate(rules, in);
        assertThat(o.valueAtRisk()).hasToString("10000.30");
        assertThat(o.unsecuredCreditLimit()).hasToString("0.04");
        assertThat(o.requirement()).hasToString("10000.26");
        assertThat(o.shortfall()).hasToString("10000.16");
        assertThat(o.supportHeld()).hasToString("0.10");
    }

    private static CreditCoverInputs inputs(LocalDate asOf) {
        return new CreditCoverInputs("P", asOf, new BigDecimal("100000.00"), 85, null, false, null, null,
                new BigDecimal("1000.00"), new BigDecimal("0.00"), List.of(), null, null);
    }
}
