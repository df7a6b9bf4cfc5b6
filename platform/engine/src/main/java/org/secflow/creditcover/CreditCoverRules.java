package org.secflow.creditcover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.InvalidFieldException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleSessions;

/**
 * Evaluates {@link CreditCoverInputs} with a rule-base version (rules/credit-cover.drl, the J3.8 factor table
 * rules/credit-cover-factors.drl.csv, the CPI table rules/credit-cover-cpi.drl.csv). Java derives only what the rules
 * cannot: the Regulatory Year and its October, the lookups to ask the tables, the Working Day calendar. Thread-safe.
 */
public final class CreditCoverRules {
    /** The base month of the Credit Cover Threshold (also a literal in rules/credit-cover.drl). */
    public static final String BASE_CPI_MONTH = "2014-10";

    private final WorkingDays workingDays;

    public CreditCoverRules(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The Regulatory Year of {@code day} (1 April to 31 March), e.g. {@code 2025/26} for 2026-03-31. */
    public static String regulatoryYear(LocalDate day) {
        int start = startYear(day);
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    /** The October before the Regulatory Year of {@code day}, e.g. {@code 2024-10} for any day of 2025/26. */
    public static String cpiMonth(LocalDate day) {
        return (startYear(day) - 1) + "-10";
    }

    private static int startYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /**
     * Runs the rules.
     *
     * @throws InvalidFieldException when a score is not in the J3.8 table or a CPI month is not in the CPI table
     */
    public CreditCoverOutcome evaluate(LoadedRules rules, CreditCoverInputs in) {
        CreditCoverFact f = new CreditCoverFact();
        f.setPartyId(in.partyId());
        f.setAsOf(in.asOf());
        f.setMaximumCreditValue(in.maximumCreditValue());
        boolean pcg = in.parentCompanyGuarantee() && in.parentMaximumCreditValue() != null
                && in.parentCreditAssessmentScore() != null;
        if (in.parentCompanyGuarantee() && !pcg) {
            throw new InvalidFieldException("parentPartyId", "with a Parent Company Guarantee the requirement may use the "
                    + "parent's Maximum Credit Value and Unsecured Credit Factor (SEC Panel paper, June 2021, MP159)",
                    "party " + in.partyId() + " has a PCG but its parent's Maximum Credit Value or Credit Assessment Score is not known");
        }
        f.setParentCompanyGuarantee(pcg);
        f.setParentMaximumCreditValue(in.parentMaximumCreditValue());
        f.setUnpaidInvoiced(in.unpaidInvoiced());
        f.setEstimatedCharges(in.estimatedCharges());
        f.setShortfallSince(in.shortfallSince());
        f.setPaymentFailureOn(in.paymentFailureOn());
        f.setRegulatoryYear(regulatoryYear(in.asOf()));
        f.setCpiMonth(cpiMonth(in.asOf()));

        CreditCoverResult result = new CreditCoverResult();
        List<Object> facts = new ArrayList<>();
        facts.add(f);
        facts.add(result);
        facts.add(new CreditCoverCalendar(workingDays));
        facts.add(new FactorLookup("OWN", in.creditAssessmentScore()));
        if (pcg) {
            facts.add(new FactorLookup("PARENT", in.parentCreditAssessmentScore()));
        }
        facts.add(new CpiLookup(BASE_CPI_MONTH));
        if (!BASE_CPI_MONTH.equals(f.getCpiMonth())) {
            facts.add(new CpiLookup(f.getCpiMonth()));
        }
        in.instruments().forEach(i -> facts.add(new CreditSupportFact(i)));
        List<String> fired = new ArrayList<>();
        RuleSessions.fire(rules, facts, name -> {
            if (name.startsWith("CC-")) {
                fired.add(name);
            }
        });

        if (f.getUnsecuredCreditLimit() == null) {
            throw new InvalidFieldException(pcg ? "parentCreditAssessmentScore" : "creditAssessmentScore",
                    "every Credit Assessment Score has an Unsecured Credit Factor in rules/credit-cover-factors.drl.csv (SEC J3.8)",
                    "no Unsecured Credit Factor for score " + (pcg ? in.parentCreditAssessmentScore() : in.creditAssessmentScore()));
        }
        if (f.getThreshold() == null) {
            throw new InvalidFieldException("asOf", "the Credit Cover Threshold needs the CPI of October " + BASE_CPI_MONTH.substring(0, 4)
                    + " and of the October before the Regulatory Year in rules/credit-cover-cpi.drl.csv",
                    "no CPI for " + f.getCpiMonth() + " or " + BASE_CPI_MONTH + " (Regulatory Year " + f.getRegulatoryYear() + ")");
        }
        if (f.getShortfall() == null) {
            throw new IllegalStateException("the Credit Cover rules set no shortfall for " + in.partyId() + "; fired " + fired);
        }
        return new CreditCoverOutcome(f.getRegulatoryYear(), f.getCpiMonth(), f.getValueAtRisk(), f.getUnsecuredCreditFactor(),
                f.getLimitBasis(), f.getUnsecuredCreditLimit(), f.getRequirement(), f.getThreshold(),
                Boolean.TRUE.equals(f.getSupportRequired()), f.getSupportHeld(), f.getShortfall(), f.getTopUpDeadline(),
                Boolean.TRUE.equals(f.getEventOfDefault()), f.getDrawableFrom(), result.getFindings(), List.copyOf(fired),
                rules.version());
    }
}
