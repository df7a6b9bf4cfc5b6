package org.secflow.creditcover;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.secflow.problem.InvalidFieldException;

/** Money of Credit Cover: pounds as {@link BigDecimal} with exactly 2 decimals (pence), never floating point. */
public final class Money {
    /** Largest amount accepted: £1,000,000,000,000 (10^12), below what the store's DECIMAL(15,2) holds. */
    public static final BigDecimal MAX = new BigDecimal("1000000000000.00");

    /** £0.00. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /**
     * An amount read from a request or a table: at most 2 decimals, not negative; returned with scale 2.
     *
     * @throws InvalidFieldException naming {@code field} when it is negative, above {@link #MAX} or has fractions
     *     of a penny
     */
    public static BigDecimal pounds(BigDecimal amount, String field) {
        if (amount == null) {
            throw new InvalidFieldException(field, "an amount in pounds is required (SEC J3)", field + " is missing");
        }
        if (amount.signum() < 0) {
            throw new InvalidFieldException(field, "amounts in pounds are not negative", field + " is " + amount.toPlainString());
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidFieldException(field, "amounts are at most £" + MAX.toPlainString(),
                    field + " is more than £" + MAX.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldException(field, "amounts are pounds and pence: at most 2 decimals",
                    field + " is " + amount.toPlainString() + ", fractions of a penny");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code amount} with scale 2 (null stays null). */
    public static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
