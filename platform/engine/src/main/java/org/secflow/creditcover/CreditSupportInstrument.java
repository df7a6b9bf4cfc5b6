package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An instrument a Party has provided.
 *
 * @param instrumentId id
 * @param type kind of instrument
 * @param amount pounds, 2 decimals
 * @param expiresOn last day it can be drawn on (null: no expiry, e.g. a Cash Deposit)
 */
public record CreditSupportInstrument(String instrumentId, CreditSupportType type, BigDecimal amount, LocalDate expiresOn) {
    public CreditSupportInstrument {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(type, "type");
        amount = Money.scaled(Objects.requireNonNull(amount, "amount"));
    }
}
