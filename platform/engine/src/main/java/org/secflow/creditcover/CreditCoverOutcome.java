package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.secflow.rules.RuleFinding;

/**
 * What the Credit Cover rules decided for one {@link CreditCoverInputs}. Money in pounds with 2 decimals.
 *
 * @param regulatoryYear e.g. {@code 2025/26} (1 April to 31 March)
 * @param cpiMonth the October before the Regulatory Year whose CPI the threshold uses
 * @param valueAtRisk unpaid invoiced Charges + estimated Charges (J3.3)
 * @param unsecuredCreditFactor the J3.8 factor used
 * @param limitBasis {@code OWN} or {@code PARENT} (with a Parent Company Guarantee)
 * @param unsecuredCreditLimit Maximum Credit Value × factor (J3.3A)
 * @param requirement Credit Cover Requirement = max(0, Value at Risk − Unsecured Credit Limit)
 * @param threshold Credit Cover Threshold of the Regulatory Year, whole pounds
 * @param supportRequired whether the requirement exceeds the threshold, so Credit Support is required
 * @param supportHeld Credit Support counted (no PCG, nothing expired)
 * @param shortfall Credit Support still to provide (0 when covered or not required)
 * @param topUpDeadline last day to top up a shortfall (J3.10), or null
 * @param eventOfDefault whether the deadline has passed without cover (M8.1)
 * @param drawableFrom Working Day from which Credit Support may be drawn after a payment failure (J3.16), or null
 * @param findings what the rules reported
 * @param firedRuleIds the ids of the Credit Cover rules that fired (CC-...), in firing order
 * @param ruleSetVersion the rules' version
 */
public record CreditCoverOutcome(String regulatoryYear, String cpiMonth, BigDecimal valueAtRisk,
        BigDecimal unsecuredCreditFactor, String limitBasis, BigDecimal unsecuredCreditLimit, BigDecimal requirement,
        BigDecimal threshold, boolean supportRequired, BigDecimal supportHeld, BigDecimal shortfall,
        LocalDate topUpDeadline, boolean eventOfDefault, LocalDate drawableFrom, List<RuleFinding> findings,
        List<String> firedRuleIds, String ruleSetVersion) {
}
