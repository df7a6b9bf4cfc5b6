package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements run for every Service Request's device event, every read of one Service Request and every campaign
 * device's move find their rows through the table's primary key, and the SRV 11.4 in-progress check and a request's
 * history and responses through their indexes, on a new database whose tables are empty and have no statistics yet.
 *
 * <p>On PostgreSQL this is the plan a pooled connection keeps: after five executions of a prepared statement the
 * server may switch to a generic plan, made without the parameter values, and keeps it until the table's statistics
 * change (never, where autovacuum is off). Made while a table is empty, a generic plan may take any index whose
 * leading column the statement names, and then reads, for each update, every row with that value: every Service
 * Request of the device, every device of the campaign. The test forces the generic plan
 * ({@code plan_cache_mode = force_generic_plan}). On HSQLDB, which plans each statement once with its parameters
 * unknown, it reads the plan HSQLDB compiled. The SQL is the production SQL, read from the DAOs' constants and
 * annotations.
 */
class PerRequestStatementPlansTest {
    private static Database db;

    /**
     * A production statement (a DAO constant, or a DAO method's annotation, by name), the table it reads, the index it
     * must read through ({@code null}: the table's primary key), and whether PostgreSQL alone runs it.
     */
    record Statement(String dao, String method, String table, String index, boolean postgresqlOnly) {
        @Override
        public String toString() {
            return dao.substring(dao.lastIndexOf('.') + 1) + "." + method + " on " + table;
        }

        String sql() throws ReflectiveOperationException {
            for (java.lang.reflect.Field constant : Class.forName(dao).getDeclaredFields()) {
                if (constant.getName().equals(method)) {
                    constant.setAccessible(true); // the DAO is package-private
                    return (String) constant.get(null);
                }
            }
            for (Method m : Class.forName(dao).getDeclaredMethods()) {
                if (m.getName().equals(method)) {
                    SqlUpdate u = m.getAnnotation(SqlUpdate.class);
                    SqlQuery q = m.getAnnotation(SqlQuery.class);
                    SqlBatch b = m.getAnnotation(SqlBatch.class);
                    return u != null ? u.value() : q != null ? q.value() : b.value();
                }
            }
            throw new NoSuchMethodException(dao + "." + method);
        }
    }

    static List<Statement> statements() {
        String requests = "org.secflow.servicerequest.ServiceRequestDao";
        String campaigns = "org.secflow.campaign.CampaignDeviceDao";
        return List.of(
                // DeviceEventWriter runs these three for every gathered device event
                new Statement(requests, "UPDATE_DEVICE", "service_request_device", null, false),
                new Statement(requests, "UPDATE_REQUEST", "service_request", null, false),
                new Statement(requests, "DEVICE_STATES", "service_request_device", null, false),
                // GET /api/service-requests/{id}, polled by every client waiting for a response, reads four tables
                new Statement(requests, "SELECT_VIEW", "service_request", null, false),
                new Statement(requests, "SELECT_VIEW", "service_request_device", null, false),
                new Statement(requests, "SELECT_VIEW", "service_request_event", "service_request_event_by_request", false),
                new Statement(requests, "SELECT_VIEW", "service_request_response", "service_request_response_by_request",
                        false),
                // each SRV 11.4 asks it; PostgreSQL's partial index serves it only while the SQL names srv = '11.4'
                new Statement(requests, "firmwareUpdatesInProgress", "service_request_device",
                        "service_request_device_by_device", false),
                new Statement(campaigns, "move", "campaign_device", null, false),
                new Statement(campaigns, "moveAll", "campaign_device", null, true),
                new Statement(campaigns, "skipIneligible", "campaign_device", null, false));
    }

    @BeforeAll
    static void open() {
        db = FreshDatabase.open();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void findsItsRowsThroughThePrimaryKeyOnANewDatabase(Statement s) throws Exception {
        assumeTrue(db.isPostgresql() || !s.postgresqlOnly(), "a PostgreSQL-only statement (arrays)");
        String sql = s.sql();
        db.jdbi().useHandle(h -> {
            String plan = db.isPostgresql() ? genericPlan(h, sql) : hsqldbPlan(h, sql);
            String expected = s.index() == null ? primaryKeyIndex(h, s.table()) : named(s.index());
            assertThat(plan).as(plan).containsIgnoringCase(expected);
        });
    }

    /** How the plan names a read through the index {@code name}. */
    private static String named(String name) {
        return db.isPostgresql() ? "using " + name + " on " : "index=" + name + "\n";
    }

    /** How the plan names a read through the table's primary key: PostgreSQL's index name, HSQLDB's constraint's. */
    private static String primaryKeyIndex(Handle h, String table) {
        String name = h.createQuery("""
                        SELECT constraint_name FROM information_schema.table_constraints
                         WHERE LOWER(table_name) = :table AND constraint_type = 'PRIMARY KEY'""")
                .bind("table", table).mapTo(String.class).one();
        return named(name);
    }

    /** The SQL as the handle's Jdbi parser turns it into JDBC's form: each named parameter a {@code ?}. */
    private static ParsedSql parsed(Handle h, String sql) {
        try (Query q = h.createQuery(sql)) {
            return h.getConfig(SqlStatements.class).getSqlParser().parse(sql, q.getContext());
        }
    }

    private static String genericPlan(Handle h, String sql) {
        ParsedSql p = parsed(h, sql);
        // PostgreSQL's PREPARE numbers its parameters: the n-th ? becomes $n
        String[] parts = p.getSql().split("\\?", -1);
        StringBuilder numbered = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            numbered.append('$').append(i).append(parts[i]);
        }
        h.execute("SET plan_cache_mode = force_generic_plan");
        h.execute("PREPARE per_request AS " + numbered);
        try {
            // a generic plan does not depend on the values: NULL fits every parameter's type
            String nulls = String.join(", ", Collections.nCopies(p.getParameters().getParameterCount(), "NULL"));
            return String.join("\n", h.createQuery("EXPLAIN EXECUTE per_request(" + nulls + ")")
                    .mapTo(String.class).list());
        } finally {
            h.execute("DEALLOCATE per_request");
            h.execute("RESET plan_cache_mode");
        }
    }

    private static String hsqldbPlan(Handle h, String sql) throws SQLException {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN PLAN FOR " + parsed(h, sql).getSql())) {
            int parameters = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                ps.setNull(i, Types.VARCHAR);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines) + "\n";
        }
    }
}
