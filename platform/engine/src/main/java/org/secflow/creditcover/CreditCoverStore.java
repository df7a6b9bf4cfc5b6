package org.secflow.creditcover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.secflow.json.JsonMappers;

/** SQL of Credit Cover parties, invoices, instruments, estimates and assessments (V4__credit_cover.sql; the Notification of Payment Failure V14_1__payment_failure_notification.sql). */
final class CreditCoverStore {
    private static final ObjectMapper JSON = JsonMappers.stored();

    private final Jdbi jdbi;

    CreditCoverStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates or replaces a party. */
    void putParty(CreditParty p, String userId, Instant now) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("""
                    UPDATE credit_party SET party_name = :name, parent_party_id = :parent, has_pcg = :pcg,
                        maximum_credit_value = :mcv, credit_assessment_score = :score, updated_by = :user, updated_at = :now
                    WHERE party_id = :id""").bindMap(partyBinds(p, userId, now)).execute();
            if (n == 0) {
                h.createUpdate("""
                        INSERT INTO credit_party (party_id, party_name, parent_party_id, has_pcg, maximum_credit_value,
                                                  credit_assessment_score, updated_by, updated_at)
                        VALUES (:id, :name, :parent, :pcg, :mcv, :score, :user, :now)""").bindMap(partyBinds(p, userId, now)).execute();
            }
        });
    }

    private static java.util.Map<String, Object> partyBinds(CreditParty p, String userId, Instant now) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", p.partyId());
        m.put("name", p.name());
        m.put("parent", p.parentPartyId());
        m.put("pcg", Boolean.TRUE.equals(p.parentCompanyGuarantee()));
        m.put("mcv", p.maximumCreditValue());
        m.put("score", p.creditAssessmentScore());
        m.put("user", userId);
        m.put("now", java.sql.Timestamp.from(now));
        return m;
    }

    Optional<CreditParty> party(String partyId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT party_id, party_name, parent_party_id, has_pcg, maximum_credit_value, credit_assessment_score
                        FROM credit_party WHERE party_id = :id""").bind("id", partyId)
                .map((rs, ctx) -> new CreditParty(rs.getString("party_id"), rs.getString("party_name"),
                        rs.getString("parent_party_id"), rs.getBoolean("has_pcg"), money(rs.getBigDecimal("maximum_credit_value")),
                        rs.getInt("credit_assessment_score")))
                .findOne());
    }

    void putInvoice(String partyId, CreditInvoice i) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM credit_invoice WHERE party_id = :p AND invoice_id = :i")
                    .bind("p", partyId).bind("i", i.invoiceId()).execute();
            h.createUpdate("""
                    INSERT INTO credit_invoice (invoice_id, party_id, issued_on, due_on, amount_inc_vat, paid_on,
                                                payment_failure_notified_on)
                    VALUES (:i, :p, :issued, :due, :amount, :paid, :notified)""")
                    .bind("i", i.invoiceId()).bind("p", partyId).bind("issued", Date.valueOf(i.issuedOn()))
                    .bind("due", Date.valueOf(i.dueOn())).bind("amount", i.amountIncVat())
                    .bind("paid", i.paidOn() == null ? null : Date.valueOf(i.paidOn()))
                    .bind("notified", i.paymentFailureNotifiedOn() == null ? null : Date.valueOf(i.paymentFailureNotifiedOn())).execute();
        });
    }

    List<CreditInvoice> invoices(String partyId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT invoice_id, issued_on, due_on, amount_inc_vat, paid_on, payment_failure_notified_on FROM credit_invoice
                        WHERE party_id = :p ORDER BY issued_on, invoice_id""").bind("p", partyId)
                .map((rs, ctx) -> new CreditInvoice(rs.getString("invoice_id"), rs.getDate("issued_on").toLocalDate(),
                        rs.getDate("due_on").toLocalDate(), money(rs.getBigDecimal("amount_inc_vat")),
                        rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(),
                        rs.getDate("payment_failure_notified_on") == null ? null : rs.getDate("payment_failure_notified_on").toLocalDate()))
                .list());
    }

    void putSupport(String partyId, CreditSupportInstrument s) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM credit_support WHERE party_id = :p AND instrument_id = :i")
                    .bind("p", partyId).bind("i", s.instrumentId()).execute();
            h.createUpdate("""
                    INSERT INTO credit_support (instrument_id, party_id, support_type, amount, expires_on)
                    VALUES (:i, :p, :type, :amount, :expires)""")
                    .bind("i", s.instrumentId()).bind("p", partyId).bind("type", s.type().name()).bind("amount", s.amount())
                    .bind("expires", s.expiresOn() == null ? null : Date.valueOf(s.expiresOn())).execute();
        });
    }

    List<CreditSupportInstrument> support(String partyId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT instrument_id, support_type, amount, expires_on FROM credit_support
                        WHERE party_id = :p ORDER BY instrument_id""").bind("p", partyId)
                .map((rs, ctx) -> new CreditSupportInstrument(rs.getString("instrument_id"),
                        CreditSupportType.valueOf(rs.getString("support_type")), money(rs.getBigDecimal("amount")),
                        rs.getDate("expires_on") == null ? null : rs.getDate("expires_on").toLocalDate()))
                .list());
    }

    void putEstimate(String partyId, ChargeEstimate e) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM credit_estimate WHERE party_id = :p AND estimated_on = :d")
                    .bind("p", partyId).bind("d", Date.valueOf(e.estimatedOn())).execute();
            h.createUpdate("INSERT INTO credit_estimate (party_id, estimated_on, amount) VALUES (:p, :d, :a)")
                    .bind("p", partyId).bind("d", Date.valueOf(e.estimatedOn())).bind("a", e.amount()).execute();
        });
    }

    /** The latest estimate made on or before {@code asOf}, or £0.00. */
    BigDecimal estimate(String partyId, LocalDate asOf) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT amount FROM credit_estimate WHERE party_id = :p AND estimated_on <= :d
                        ORDER BY estimated_on DESC""").bind("p", partyId).bind("d", Date.valueOf(asOf))
                .setMaxRows(1).mapTo(BigDecimal.class).findFirst().map(CreditCoverStore::money).orElse(Money.ZERO));
    }

    void putAssessment(CreditCoverAssessment a) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO credit_assessment (assessment_id, party_id, as_of, requirement, threshold_amount, support_held,
                            shortfall, topup_deadline, event_of_default, inputs_json, outcome_json, fired_rule_ids,
                            ruleset_version, assessed_by, assessed_at)
                        VALUES (:id, :p, :asOf, :req, :thr, :held, :short, :deadline, :eod, :inputs, :outcome, :fired,
                            :version, :by, :at)""")
                .bind("id", a.assessmentId()).bind("p", a.partyId()).bind("asOf", Date.valueOf(a.asOf()))
                .bind("req", a.requirement()).bind("thr", a.threshold()).bind("held", a.supportHeld())
                .bind("short", a.shortfall()).bind("deadline", a.topUpDeadline() == null ? null : Date.valueOf(a.topUpDeadline()))
                .bind("eod", a.eventOfDefault()).bind("inputs", write(a.inputs())).bind("outcome", write(a.outcome()))
                .bind("fired", write(a.firedRuleIds())).bind("version", a.ruleSetVersion()).bind("by", a.assessedBy())
                .bind("at", java.sql.Timestamp.from(a.assessedAt())).execute());
    }

    /** Assessments of a party (null = every party), newest day first (then newest stored first). */
    List<CreditCoverAssessment> assessments(String partyId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT assessment_id, assessed_by, assessed_at, inputs_json, outcome_json FROM credit_assessment"""
                        + (partyId == null ? "" : " WHERE party_id = :p") + " ORDER BY as_of DESC, assessed_at DESC, assessment_id")
                .bindMap(partyId == null ? java.util.Map.of() : java.util.Map.of("p", partyId))
                .map((rs, ctx) -> CreditCoverAssessment.of(rs.getString("assessment_id"),
                        read(rs.getString("inputs_json"), CreditCoverInputs.class),
                        read(rs.getString("outcome_json"), CreditCoverOutcome.class), rs.getString("assessed_by"),
                        rs.getTimestamp("assessed_at").toInstant()))
                .list());
    }

    /** {@code (as_of, shortfall)} of a party's assessments on or before {@code asOf}, newest first. */
    List<java.util.Map.Entry<LocalDate, BigDecimal>> shortfalls(String partyId, LocalDate asOf) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT as_of, shortfall FROM credit_assessment WHERE party_id = :p AND as_of <= :d
                        ORDER BY as_of DESC, assessed_at DESC""").bind("p", partyId).bind("d", Date.valueOf(asOf))
                .map((rs, ctx) -> java.util.Map.entry(rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("shortfall")))
                .list());
    }

    private static BigDecimal money(BigDecimal b) {
        return Money.scaled(b);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String s, Class<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment unreadable: " + e.getMessage(), e);
        }
    }
}
