package org.secflow.creditcover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.MaxRows;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.secflow.json.JsonMappers;

/**
 * SQL of Credit Cover parties, invoices, instruments, estimates and assessments (V4__credit_cover.sql; the
 * Notification of Payment Failure V14_1__payment_failure_notification.sql), a Jdbi SqlObject ({@code onDemand}).
 * Days are bound as {@link Date}, instants as {@link Timestamp}; amounts read back at {@link Money}'s scale.
 */
interface CreditCoverStore {
    /** Assessment inputs and outcomes are stored as JSON. */
    ObjectMapper JSON = JsonMappers.stored();

    /** Creates or replaces a party. */
    @Transaction
    default void putParty(CreditParty p, String userId, Instant now) {
        PartyRow row = new PartyRow(p.partyId(), p.name(), p.parentPartyId(), Boolean.TRUE.equals(p.parentCompanyGuarantee()),
                p.maximumCreditValue(), p.creditAssessmentScore(), userId, Timestamp.from(now));
        if (updateParty(row) == 0) {
            insertParty(row);
        }
    }

    /** The bound fields of a party row. */
    record PartyRow(String id, String name, String parent, boolean pcg, BigDecimal mcv, Integer score, String user,
                    Timestamp now) {
    }

    @SqlUpdate("""
            UPDATE credit_party SET party_name = :name, parent_party_id = :parent, has_pcg = :pcg,
                maximum_credit_value = :mcv, credit_assessment_score = :score, updated_by = :user, updated_at = :now
            WHERE party_id = :id""")
    int updateParty(@BindMethods PartyRow row);

    @SqlUpdate("""
            INSERT INTO credit_party (party_id, party_name, parent_party_id, has_pcg, maximum_credit_value,
                                      credit_assessment_score, updated_by, updated_at)
            VALUES (:id, :name, :parent, :pcg, :mcv, :score, :user, :now)""")
    void insertParty(@BindMethods PartyRow row);

    @SqlQuery("""
            SELECT party_id, party_name, parent_party_id, has_pcg, maximum_credit_value, credit_assessment_score
            FROM credit_party WHERE party_id = :id""")
    @UseRowMapper(PartyRows.class)
    Optional<CreditParty> party(@Bind("id") String partyId);

    /** Creates or replaces an invoice of the party. */
    @Transaction
    default void putInvoice(String partyId, CreditInvoice i) {
        deleteInvoice(partyId, i.invoiceId());
        insertInvoice(i.invoiceId(), partyId, Date.valueOf(i.issuedOn()), Date.valueOf(i.dueOn()), i.amountIncVat(),
                date(i.paidOn()), date(i.paymentFailureNotifiedOn()));
    }

    @SqlUpdate("DELETE FROM credit_invoice WHERE party_id = :p AND invoice_id = :i")
    void deleteInvoice(@Bind("p") String partyId, @Bind("i") String invoiceId);

    @SqlUpdate("""
            INSERT INTO credit_invoice (invoice_id, party_id, issued_on, due_on, amount_inc_vat, paid_on,
                                        payment_failure_notified_on)
            VALUES (:i, :p, :issued, :due, :amount, :paid, :notified)""")
    void insertInvoice(@Bind("i") String invoiceId, @Bind("p") String partyId, @Bind("issued") Date issuedOn,
                       @Bind("due") Date dueOn, @Bind("amount") BigDecimal amount, @Bind("paid") Date paidOn,
                       @Bind("notified") Date notifiedOn);

    @SqlQuery("""
            SELECT invoice_id, issued_on, due_on, amount_inc_vat, paid_on, payment_failure_notified_on FROM credit_invoice
            WHERE party_id = :p ORDER BY issued_on, invoice_id""")
    @UseRowMapper(InvoiceRows.class)
    List<CreditInvoice> invoices(@Bind("p") String partyId);

    /** Creates or replaces a credit support instrument of the party. */
    @Transaction
    default void putSupport(String partyId, CreditSupportInstrument s) {
        deleteSupport(partyId, s.instrumentId());
        insertSupport(s.instrumentId(), partyId, s.type().name(), s.amount(), date(s.expiresOn()));
    }

    @SqlUpdate("DELETE FROM credit_support WHERE party_id = :p AND instrument_id = :i")
    void deleteSupport(@Bind("p") String partyId, @Bind("i") String instrumentId);

    @SqlUpdate("""
            INSERT INTO credit_support (instrument_id, party_id, support_type, amount, expires_on)
            VALUES (:i, :p, :type, :amount, :expires)""")
    void insertSupport(@Bind("i") String instrumentId, @Bind("p") String partyId, @Bind("type") String type,
                       @Bind("amount") BigDecimal amount, @Bind("expires") Date expiresOn);

    @SqlQuery("""
            SELECT instrument_id, support_type, amount, expires_on FROM credit_support
            WHERE party_id = :p ORDER BY instrument_id""")
    @UseRowMapper(SupportRows.class)
    List<CreditSupportInstrument> support(@Bind("p") String partyId);

    /** Creates or replaces the party's estimate made on that day. */
    @Transaction
    default void putEstimate(String partyId, ChargeEstimate e) {
        deleteEstimate(partyId, Date.valueOf(e.estimatedOn()));
        insertEstimate(partyId, Date.valueOf(e.estimatedOn()), e.amount());
    }

    @SqlUpdate("DELETE FROM credit_estimate WHERE party_id = :p AND estimated_on = :d")
    void deleteEstimate(@Bind("p") String partyId, @Bind("d") Date estimatedOn);

    @SqlUpdate("INSERT INTO credit_estimate (party_id, estimated_on, amount) VALUES (:p, :d, :a)")
    void insertEstimate(@Bind("p") String partyId, @Bind("d") Date estimatedOn, @Bind("a") BigDecimal amount);

    /** The latest estimate made on or before {@code asOf}, or £0.00. */
    default BigDecimal estimate(String partyId, LocalDate asOf) {
        return latestEstimate(partyId, Date.valueOf(asOf)).map(Money::scaled).orElse(Money.ZERO);
    }

    @SqlQuery("""
            SELECT amount FROM credit_estimate WHERE party_id = :p AND estimated_on <= :d
            ORDER BY estimated_on DESC""")
    @MaxRows(1)
    Optional<BigDecimal> latestEstimate(@Bind("p") String partyId, @Bind("d") Date asOf);

    /** Stores an assessment, its inputs, outcome and fired rules as JSON. */
    default void putAssessment(CreditCoverAssessment a) {
        insertAssessment(new AssessmentRow(a.assessmentId(), a.partyId(), Date.valueOf(a.asOf()), a.requirement(),
                a.threshold(), a.supportHeld(), a.shortfall(), date(a.topUpDeadline()), a.eventOfDefault(),
                write(a.inputs()), write(a.outcome()), write(a.firedRuleIds()), a.ruleSetVersion(), a.assessedBy(),
                Timestamp.from(a.assessedAt())));
    }

    /** The bound fields of an assessment row. */
    record AssessmentRow(String id, String p, Date asOf, BigDecimal req, BigDecimal thr, BigDecimal held,
                         BigDecimal shortfall, Date deadline, boolean eod, String inputs, String outcome, String fired,
                         String version, String by, Timestamp at) {
    }

    @SqlUpdate("""
            INSERT INTO credit_assessment (assessment_id, party_id, as_of, requirement, threshold_amount, support_held,
                shortfall, topup_deadline, event_of_default, inputs_json, outcome_json, fired_rule_ids,
                ruleset_version, assessed_by, assessed_at)
            VALUES (:id, :p, :asOf, :req, :thr, :held, :shortfall, :deadline, :eod, :inputs, :outcome, :fired,
                :version, :by, :at)""")
    void insertAssessment(@BindMethods AssessmentRow row);

    /** Assessments of a party (null = every party), newest day first (then newest stored first). */
    default List<CreditCoverAssessment> assessments(String partyId) {
        return assessmentsWhere(partyId == null ? "" : " WHERE party_id = :p", partyId == null ? Map.of() : Map.of("p", partyId));
    }

    /** {@code where}: {@code WHERE party_id = :p} or nothing. */
    @SqlQuery("SELECT assessment_id, assessed_by, assessed_at, inputs_json, outcome_json FROM credit_assessment<where>"
            + " ORDER BY as_of DESC, assessed_at DESC, assessment_id")
    @UseRowMapper(AssessmentRows.class)
    List<CreditCoverAssessment> assessmentsWhere(@Define("where") String where, @BindMap Map<String, Object> binds);

    /** {@code (as_of, shortfall)} of a party's assessments on or before {@code asOf}, newest first. */
    default List<Map.Entry<LocalDate, BigDecimal>> shortfalls(String partyId, LocalDate asOf) {
        return shortfalls(partyId, Date.valueOf(asOf));
    }

    @SqlQuery("""
            SELECT as_of, shortfall FROM credit_assessment WHERE party_id = :p AND as_of <= :d
            ORDER BY as_of DESC, assessed_at DESC""")
    @UseRowMapper(ShortfallRows.class)
    List<Map.Entry<LocalDate, BigDecimal>> shortfalls(@Bind("p") String partyId, @Bind("d") Date asOf);

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
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

    /** Reads a {@link CreditParty}. */
    final class PartyRows implements RowMapper<CreditParty> {
        @Override
        public CreditParty map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CreditParty(rs.getString("party_id"), rs.getString("party_name"), rs.getString("parent_party_id"),
                    rs.getBoolean("has_pcg"), Money.scaled(rs.getBigDecimal("maximum_credit_value")),
                    rs.getInt("credit_assessment_score"));
        }
    }

    /** Reads a {@link CreditInvoice}. */
    final class InvoiceRows implements RowMapper<CreditInvoice> {
        @Override
        public CreditInvoice map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CreditInvoice(rs.getString("invoice_id"), rs.getDate("issued_on").toLocalDate(),
                    rs.getDate("due_on").toLocalDate(), Money.scaled(rs.getBigDecimal("amount_inc_vat")),
                    day(rs.getDate("paid_on")), day(rs.getDate("payment_failure_notified_on")));
        }
    }

    /** Reads a {@link CreditSupportInstrument}. */
    final class SupportRows implements RowMapper<CreditSupportInstrument> {
        @Override
        public CreditSupportInstrument map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CreditSupportInstrument(rs.getString("instrument_id"),
                    CreditSupportType.valueOf(rs.getString("support_type")), Money.scaled(rs.getBigDecimal("amount")),
                    day(rs.getDate("expires_on")));
        }
    }

    /** Reads a stored {@link CreditCoverAssessment} from its JSON. */
    final class AssessmentRows implements RowMapper<CreditCoverAssessment> {
        @Override
        public CreditCoverAssessment map(ResultSet rs, StatementContext ctx) throws SQLException {
            return CreditCoverAssessment.of(rs.getString("assessment_id"),
                    read(rs.getString("inputs_json"), CreditCoverInputs.class),
                    read(rs.getString("outcome_json"), CreditCoverOutcome.class), rs.getString("assessed_by"),
                    rs.getTimestamp("assessed_at").toInstant());
        }
    }

    /** Reads {@code (as_of, shortfall)}. */
    final class ShortfallRows implements RowMapper<Map.Entry<LocalDate, BigDecimal>> {
        @Override
        public Map.Entry<LocalDate, BigDecimal> map(ResultSet rs, StatementContext ctx) throws SQLException {
            return Map.entry(rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("shortfall"));
        }
    }
}
