package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.hsqldb.jdbc.JDBCPreparedStatement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HSQLDB keeps a compiled statement only while one of its PreparedStatements is open; the pins keep one open. */
class HsqldbStatementPinsTest {
    private static final String SQL = "SELECT COUNT(*) FROM device WHERE device_type = :type";
    private Database db;

    @BeforeEach
    void open() {
        // one connection, so that every handle below is the same HSQLDB session
        db = Database.open(new DatabaseSettings(DatabaseSettings.hsqldbMemory().jdbcUrl(), "SA", "", 1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStatementPreparedAgainReusesTheCompiledOneOfItsConnection() {
        List<Long> ids = statementIds(db.jdbi(), 3);
        assertThat(ids).hasSize(3).containsOnly(ids.get(0));
        long count = db.jdbi().withHandle(h -> h.createQuery(SQL).bind("type", "PPMID").mapTo(Long.class).one());
        assertThat(count).isZero();
    }

    @Test
    void withoutPinsHsqldbCompilesTheSameStatementAgainEachTime() {
        Jdbi plain = Jdbi.create(db.dataSource()).setStatementBuilderFactory(DefaultStatementBuilder.FACTORY);
        List<Long> ids = statementIds(plain, 3);
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void keepsAtMostMaxPinsPerConnectionLeastRecentlyUsedClosedFirst() throws Exception {
        HsqldbStatementPins pins = new HsqldbStatementPins();
        Jdbi jdbi = Jdbi.create(db.dataSource()).setStatementBuilderFactory(pins);
        for (int i = 0; i < HsqldbStatementPins.MAX_PINS + 20; i++) {
            int n = i;
            int read = jdbi.withHandle(h -> h.createQuery("SELECT " + n + " FROM (VALUES (0))").mapTo(Integer.class).one());
            assertThat(read).isEqualTo(n);
        }
        try (Handle h = jdbi.open()) {
            Connection c = h.getConnection();
            assertThat(pins.pinCount(c)).isEqualTo(HsqldbStatementPins.MAX_PINS);
        }
    }

    @Test
    void forgetsThePinsOfClosedConnectionsWhenANewOneComes() throws Exception {
        HsqldbStatementPins pins = new HsqldbStatementPins();
        String url = DatabaseSettings.hsqldbMemory().jdbcUrl();
        for (int i = 0; i < 5; i++) {
            // a new physical connection each time, closed after use, as a pool retiring connections does
            Jdbi jdbi = Jdbi.create(url, "SA", "").setStatementBuilderFactory(pins);
            int one = jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM (VALUES (0))").mapTo(Integer.class).one());
            assertThat(one).isEqualTo(1);
        }
        assertThat(pins.connectionCount()).isEqualTo(1);
    }

    @Test
    void aStatementThatCannotBePreparedFailsAsItWouldWithoutPins() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.createQuery("SELECT nope FROM nowhere")
                        .mapTo(Integer.class).one()))
                .hasMessageContaining("NOWHERE");
        int one = db.jdbi().withHandle(h -> h.createQuery("SELECT 1 FROM (VALUES (0))").mapTo(Integer.class).one());
        assertThat(one).isEqualTo(1);
    }

    /** HSQLDB's id of the compiled statement behind {@code SQL}, prepared through a new handle each time. */
    private static List<Long> statementIds(Jdbi jdbi, int times) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ids.add(jdbi.withHandle(h -> {
                var query = h.createQuery(SQL).bind("type", "PPMID");
                List<Long> seen = new ArrayList<>();
                query.addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                    @Override
                    public void beforeExecution(java.sql.PreparedStatement stmt, org.jdbi.v3.core.statement.StatementContext ctx)
                            throws java.sql.SQLException {
                        seen.add(stmt.unwrap(JDBCPreparedStatement.class).getStatementID());
                    }
                });
                query.mapTo(Long.class).one();
                return seen.get(0);
            }));
        }
        return ids;
    }
}
