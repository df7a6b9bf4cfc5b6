package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.secflow.calendar.WorkingDays;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.rules.RuleBase;

/**
 * Credit Cover (SEC J3 as reviewed by MP159; M8.1): keeps parties, invoices, instruments and charge estimates, and
 * assesses a Party on a day with the rules in service (rules/credit-cover.drl and its tables, the same
 * {@link RuleBase} as every other rule, reloaded without restart). Java derives only the inputs the rules cannot:
 * the sum of unpaid invoices, the latest estimate, the first day of a continuing shortfall, the earliest payment
 * failure. Every assessment is stored with its inputs, outcome, fired rule ids and rule-set version. Thread-safe.
 * Access control is the caller's.
 */
public final class CreditCoverService {
    private final RuleBase rules;
    private final CreditCoverRules evaluator;
    private final CreditCoverStore store;
    private final Clock clock;

    public CreditCoverService(Jdbi jdbi, RuleBase rules, WorkingDays workingDays, Clock clock) {
        this.rules = rules;
        this.evaluator = new CreditCoverRules(workingDays);
        this.store = jdbi.onDemand(CreditCoverStore.class);
        this.clock = clock;
    }

    /** Creates or replaces a party. @throws InvalidFieldException naming the field */
    public CreditParty putParty(String userId, CreditParty p) {
        String id = required(p.partyId(), "partyId");
        String name = required(p.name(), "name");
        if (p.creditAssessmentScore() == null) {
            throw new InvalidFieldException("creditAssessmentScore", "every Party has a Credit Assessment Score (SEC J3.8)", "creditAssessmentScore is missing");
        }
        if (p.creditAssessmentScore() < 0) {
            throw new InvalidFieldException("creditAssessmentScore", "a Credit Assessment Score is not negative", "creditAssessmentScore is " + p.creditAssessmentScore());
        }
        String parent = p.parentPartyId() == null || p.parentPartyId().isBlank() ? null : p.parentPartyId().trim();
        boolean pcg = Boolean.TRUE.equals(p.parentCompanyGuarantee());
        if (pcg && parent == null) {
            throw new InvalidFieldException("parentPartyId", "a Parent Company Guarantee is given by a Parent Company (SEC Panel paper, June 2021, MP159)",
                    "parentCompanyGuarantee is true but parentPartyId is missing");
        }
        if (parent != null && parent.equals(id)) {
            throw new InvalidFieldException("parentPartyId", "a Party is not its own Parent Company", "parentPartyId is the party itself");
        }
        if (parent != null && store.party(parent).isEmpty()) {
            throw new InvalidFieldException("parentPartyId", "the Parent Company is a known party", "no party " + parent);
        }
        CreditParty stored = new CreditParty(id, name, parent, pcg, Money.pounds(p.maximumCreditValue(), "maximumCreditValue"),
                p.creditAssessmentScore());
        store.putParty(stored, userId, clock.instant());
        return stored;
    }

    /** The party. @throws NotFoundException naming {@code partyId} */
    public CreditParty party(String partyId) {
        return store.party(partyId).orElseThrow(() -> new NotFoundException("partyId", "no such Credit Cover party for this User"));
    }

    /** Records (or replaces by id) an invoice of a known party. */
    public CreditInvoice putInvoice(String partyId, CreditInvoice i) {
        party(partyId);
        String id = required(i.invoiceId(), "invoiceId");
        LocalDate issued = date(i.issuedOn(), "issuedOn");
        LocalDate due = date(i.dueOn(), "dueOn");
        if (due.isBefore(issued)) {
            throw new InvalidFieldException("dueOn", "an Invoice falls due on or after its issue", "dueOn " + due + " is before issuedOn " + issued);
        }
        if (i.paidOn() != null && i.paidOn().isBefore(issued)) {
            throw new InvalidFieldException("paidOn", "an Invoice is paid after it is issued", "paidOn " + i.paidOn() + " is before issuedOn " + issued);
        }
        if (i.paymentFailureNotifiedOn() != null && i.paymentFailureNotifiedOn().isBefore(due)) {
            throw new InvalidFieldException("paymentFailureNotifiedOn", "a Notification of Payment Failure (SEC J2.1) follows a"
                    + " failure to pay by the Due Date", "paymentFailureNotifiedOn " + i.paymentFailureNotifiedOn() + " is before dueOn " + due);
        }
        CreditInvoice stored = new CreditInvoice(id, issued, due, Money.pounds(i.amountIncVat(), "amountIncVat"), i.paidOn(),
                i.paymentFailureNotifiedOn());
        store.putInvoice(partyId, stored);
        return stored;
    }

    /** Records (or replaces by id) an instrument of a known party. */
    public CreditSupportInstrument putSupport(String partyId, SupportRequest s) {
        party(partyId);
        if (s.type() == null) {
            throw new InvalidFieldException("type", "one of " + java.util.Arrays.toString(CreditSupportType.values()), "type is missing");
        }
        CreditSupportInstrument stored = new CreditSupportInstrument(required(s.instrumentId(), "instrumentId"), s.type(),
                Money.pounds(s.amount(), "amount"), s.expiresOn());
        store.putSupport(partyId, stored);
        return stored;
    }

    /** Records the DCC's estimate of a party's Charges until its next Invoice (J3.3(b)). */
    public ChargeEstimate putEstimate(String partyId, ChargeEstimate e) {
        party(partyId);
        ChargeEstimate stored = new ChargeEstimate(date(e.estimatedOn(), "estimatedOn"), Money.pounds(e.amount(), "amount"));
        store.putEstimate(partyId, stored);
        return stored;
    }

    /** The body of {@code POST .../credit-support}. */
    public record SupportRequest(String instrumentId, CreditSupportType type, BigDecimal amount, LocalDate expiresOn) {
    }

    /** The inputs of an assessment of {@code partyId} on {@code asOf}, from the store. */
    public CreditCoverInputs inputs(String partyId, LocalDate asOf) {
        CreditParty p = party(partyId);
        CreditParty parent = p.parentPartyId() == null ? null : store.party(p.parentPartyId()).orElse(null);
        boolean pcg = Boolean.TRUE.equals(p.parentCompanyGuarantee());
        BigDecimal unpaid = Money.ZERO;
        LocalDate failure = null;
        for (CreditInvoice i : store.invoices(partyId)) {
            boolean unpaidOnDay = !i.issuedOn().isAfter(asOf) && (i.paidOn() == null || i.paidOn().isAfter(asOf));
            if (unpaidOnDay) {
                unpaid = unpaid.add(i.amountIncVat());
                // J3.16 counts from the service of a Notification of Payment Failure (J2.1), not from the due date
                LocalDate notified = i.paymentFailureNotifiedOn();
                if (notified != null && !notified.isAfter(asOf) && (failure == null || notified.isBefore(failure))) {
                    failure = notified;
                }
            }
        }
        LocalDate since = asOf;
        for (Map.Entry<LocalDate, BigDecimal> e : store.shortfalls(partyId, asOf)) {
            if (e.getValue().signum() <= 0) {
                break;
            }
            since = e.getKey();
        }
        return new CreditCoverInputs(partyId, asOf, p.maximumCreditValue(), p.creditAssessmentScore(), p.parentPartyId(), pcg,
                pcg && parent != null ? parent.maximumCreditValue() : null,
                pcg && parent != null ? parent.creditAssessmentScore() : null, unpaid, store.estimate(partyId, asOf),
                store.support(partyId), since, failure);
    }

    /**
     * Assesses a party on a day and stores the assessment.
     *
     * @throws NotFoundException when the party is unknown
     * @throws InvalidFieldException when a score or CPI month is not in the tables
     */
    public CreditCoverAssessment assess(String userId, String partyId, LocalDate asOf) {
        CreditCoverInputs in = inputs(partyId, date(asOf, "asOf"));
        CreditCoverOutcome o = evaluator.evaluate(rules.current(), in);
        Instant now = clock.instant();
        CreditCoverAssessment a = CreditCoverAssessment.of(UUID.randomUUID().toString(), in, o, userId, now);
        store.putAssessment(a);
        return a;
    }

    /** Stored assessments of a party (null = all parties), newest first. */
    public List<CreditCoverAssessment> assessments(String partyId) {
        return store.assessments(partyId);
    }

    /** The latest assessment of a known party, or null when it was never assessed. */
    public CreditCoverAssessment latest(String partyId) {
        party(partyId);
        List<CreditCoverAssessment> all = store.assessments(partyId);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Demo data for {@code serve --demo} when no party SUPPLIER-A is stored: SUPPLIER-A (own values, an unpaid Invoice
     * of last month, an estimate) and SUPPLIER-B (a Parent Company Guarantee from DEMO-GROUP, a Letter of Credit).
     * Amounts are invented. Returns whether anything was written.
     */
    public boolean seedDemo(LocalDate today) {
        if (store.party("SUPPLIER-A").isPresent()) {
            return false;
        }
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        putParty("demo", new CreditParty("DEMO-GROUP", "Demo group plc (parent of SUPPLIER-B)", null, false,
                new BigDecimal("2000000.00"), 88));
        putParty("demo", new CreditParty("SUPPLIER-A", "Supplier A", null, false, new BigDecimal("100000.00"), 85));
        putParty("demo", new CreditParty("SUPPLIER-B", "Supplier B", "DEMO-GROUP", true, new BigDecimal("20000.00"), 30));
        putInvoice("SUPPLIER-A", new CreditInvoice("DEMO-A-1", lastMonth, lastMonth.plusDays(28), new BigDecimal("30000.00"), null));
        putEstimate("SUPPLIER-A", new ChargeEstimate(lastMonth, new BigDecimal("15000.50")));
        putInvoice("SUPPLIER-B", new CreditInvoice("DEMO-B-1", lastMonth, lastMonth.plusDays(28), new BigDecimal("61234.56"), null));
        putEstimate("SUPPLIER-B", new ChargeEstimate(lastMonth, new BigDecimal("25000.00")));
        putSupport("SUPPLIER-B", new SupportRequest("DEMO-B-LC", CreditSupportType.LETTER_OF_CREDIT, new BigDecimal("5000.00"),
                today.plusMonths(6)));
        return true;
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new InvalidFieldException(field, field + " is required", field + " is missing");
        }
        if (v.trim().length() > 64) {
            throw new InvalidFieldException(field, "at most 64 characters", field + " is too long");
        }
        return v.trim();
    }

    private static LocalDate date(LocalDate v, String field) {
        if (v == null) {
            throw new InvalidFieldException(field, "an ISO date like 2026-05-04", field + " is missing");
        }
        return v;
    }
}
