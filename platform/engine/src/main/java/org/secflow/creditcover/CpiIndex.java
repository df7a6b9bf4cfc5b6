package org.secflow.creditcover;

import java.math.BigDecimal;

/** The Consumer Prices Index of a month, as the CPI table gives it. */
public final class CpiIndex {
    private final String month;
    private final BigDecimal index;

    public CpiIndex(String month, BigDecimal index) {
        this.month = month;
        this.index = index;
    }

    public String getMonth() {
        return month;
    }

    public BigDecimal getIndex() {
        return index;
    }
}
