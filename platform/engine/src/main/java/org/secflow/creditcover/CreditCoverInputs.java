package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one Credit Cover assessment reads (stored with it).
 *
 * @param partyId the SEC Party assessed
 * @param asOf the day of the assessment
 * @param maximumCreditValue the Party's own Maximum Credit Value, pounds
 * @param creditAssessmentScore the Party's own Credit Assessment Score (J3.8)
 * @param parentPartyId its Parent Company, or null
 * @param parentCompanyGuarantee whether the parent has given a Parent Company Guarantee
 * @param parentMaximumCreditValue the parent's Maximum Credit Value (used only with a PCG), or null
 * @param parentCreditAssessmentScore the parent's Credit Assessment Score (used only with a PCG), or null
 * @param unpaidInvoiced Charges incl. VAT on Invoices addressed to the Party and unpaid on {@code asOf} (J3.3(a))
 * @param estimatedCharges Charges the DCC estimates until the next Invoice is due (J3.3(b))
 * @param instruments instruments held, Credit Support or not
 * @param shortfallSince the day the current uncovered shortfall was first assessed (this assessment's day when new)
 * @param paymentFailureOn the earliest day a Notification of Payment Failure (SEC J2.1) was served, on or before
 *                         {@code asOf}, for an Invoice still unpaid on {@code asOf}; or null
 */
public record CreditCoverInputs(String partyId, LocalDate asOf, BigDecimal maximumCreditValue, int creditAssessmentScore,
        String parentPartyId, boolean parentCompanyGuarantee, BigDecimal parentMaximumCreditValue,
        Integer parentCreditAssessmentScore, BigDecimal unpaidInvoiced, BigDecimal estimatedCharges,
        List<CreditSupportInstrument> instruments, LocalDate shortfallSince, LocalDate paymentFailureOn) {
    public CreditCoverInputs {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(asOf, "asOf");
        maximumCreditValue = Money.scaled(Objects.requireNonNull(maximumCreditValue, "maximumCreditValue"));
        parentMaximumCreditValue = Money.scaled(parentMaximumCreditValue);
        unpaidInvoiced = Money.scaled(Objects.requireNonNull(unpaidInvoiced, "unpaidInvoiced"));
        estimatedCharges = Money.scaled(Objects.requireNonNull(estimatedCharges, "estimatedCharges"));
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        shortfallSince = shortfallSince == null ? asOf : shortfallSince;
    }
}
