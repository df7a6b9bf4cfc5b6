package org.secflow.creditcover;

import java.math.BigDecimal;

/** The Unsecured Credit Factor the J3.8 table gives for a {@link FactorLookup}, a fraction (0.40 = 40 %). */
public final class UnsecuredCreditFactor {
    private final String subject;
    private final BigDecimal factor;

    public UnsecuredCreditFactor(String subject, BigDecimal factor) {
        this.subject = subject;
        this.factor = factor;
    }

    public String getSubject() {
        return subject;
    }

    public BigDecimal getFactor() {
        return factor;
    }
}
