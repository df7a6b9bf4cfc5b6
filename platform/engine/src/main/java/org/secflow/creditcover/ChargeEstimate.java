package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The DCC's estimate of the Charges a Party will incur until its next Invoice is due (J3.3(b)), made on a day; the
 * latest one made on or before an assessment's day is used.
 */
public record ChargeEstimate(LocalDate estimatedOn, BigDecimal amount) {
}
