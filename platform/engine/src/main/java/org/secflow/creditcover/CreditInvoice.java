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
 * @param paymentFailureNotifiedOn the day the DCC served its Notification of Payment Failure for this Invoice (SEC
 *                                 J2.1), or null when none was served; on or after {@code dueOn}. Credit Support may be
 *                                 drawn on the Working Day following service of that notice (J3.16)
 */
public record CreditInvoice(String invoiceId, LocalDate issuedOn, LocalDate dueOn, BigDecimal amountIncVat, LocalDate paidOn,
                            LocalDate paymentFailureNotifiedOn) {

    /** An Invoice with no Notification of Payment Failure. */
    public CreditInvoice(String invoiceId, LocalDate issuedOn, LocalDate dueOn, BigDecimal amountIncVat, LocalDate paidOn) {
        this(invoiceId, issuedOn, dueOn, amountIncVat, paidOn, null);
    }
}
