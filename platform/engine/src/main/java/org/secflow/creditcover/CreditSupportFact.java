package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An instrument as the rules see it; the rules decide whether it {@code counted} as Credit Support. */
public final class CreditSupportFact {
    private final String instrumentId;
    private final String type;
    private final BigDecimal amount;
    private final LocalDate expiresOn;
    private Boolean counted;

    public CreditSupportFact(CreditSupportInstrument i) {
        this.instrumentId = i.instrumentId();
        this.type = i.type().name();
        this.amount = i.amount();
        this.expiresOn = i.expiresOn();
    }

    public String getInstrumentId() {
        return instrumentId;
    }

    /** {@link CreditSupportType} name. */
    public String getType() {
        return type;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public Boolean getCounted() {
        return counted;
    }

    public void setCounted(Boolean counted) {
        this.counted = counted;
    }
}
