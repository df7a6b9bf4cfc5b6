package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One case of a Credit Cover scenario table ({@code credit-cover*.cases.csv}): inputs and the expected outputs
 * (null = not checked; {@code expectedDrawableFrom} {@link LocalDate#MIN}: no drawing day expected, written {@code none}).
 */
public record CreditCoverCase(String file, long line, String name, CreditCoverInputs inputs, BigDecimal expectedRequirement,
        BigDecimal expectedThreshold, Boolean expectedSupportRequired, BigDecimal expectedHeld, BigDecimal expectedShortfall,
        LocalDate expectedDeadline, Boolean expectedDefault, LocalDate expectedDrawableFrom, List<String> expectedRuleIds) {
    public CreditCoverCase {
        expectedRuleIds = expectedRuleIds == null ? List.of() : List.copyOf(expectedRuleIds);
    }

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
