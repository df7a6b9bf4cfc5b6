package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An Invoice of DCC Charges addressed to a Party; also the body of {@code POST .../invoices} (a known id replaces it,
 * e.g. to record its payment).
 *
 * @param invoiceId id
 * @param issuedOn issue date
 * @param dueOn due date
 * @param amountIncVat Charges incl. VAT, pounds
 * @param paidOn payment date, or null while unpaid
 */
public record CreditInvoice(String invoiceId, LocalDate issuedOn, LocalDate dueOn, BigDecimal amountIncVat, LocalDate paidOn) {
}
