package org.secflow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps HSQLDB from parsing and planning the same SQL again for every request.
 *
 * <p>HSQLDB holds a compiled statement per session (connection) only while a {@code PreparedStatement} of that SQL
 * is open on it: its {@code StatementManager} drops the compiled form when the last one closes (2.7). Jdbi closes
 * each statement after use, so every Service Request compiled all its statements again: about a fifth of the CPU of
 * {@code bin/bench-http} in JFR. This builder keeps one more {@code PreparedStatement} of each plain
 * statement open on the physical connection (a "pin"), so the session keeps the compiled form and the statements
 * Jdbi opens and closes reuse it. Statements returning generated keys or updatable cursors are compiled apart by
 * HSQLDB and are not pinned.
 *
 * <p>At most {@link #MAX_PINS} pins per connection, the least recently used closed first (SQL with IN lists of
 * varying length makes new texts). Pins close with their connection and are forgotten when the pool opens the next
 * one. A pin that cannot be prepared is skipped: the statement itself then reports the error as before.
 */
final class HsqldbStatementPins implements StatementBuilderFactory {
    /** Pinned statements per connection. */
    static final int MAX_PINS = 96;

    /** By physical connection; a pin refers to its connection, so a weak map would never let go of one. */
    private final Map<Connection, Pins> byConnection = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return new Builder(this);
    }

    /** Pins held for the physical connection behind {@code conn} (tests). */
    int pinCount(Connection conn) throws SQLException {
        Pins pins;
        synchronized (byConnection) {
            pins = byConnection.get(physical(conn));
        }
        return pins == null ? 0 : pins.size();
    }

    /** Connections known (tests). */
    int connectionCount() {
        synchronized (byConnection) {
            return byConnection.size();
        }
    }

    private Pins pinsOf(Connection physical) {
        synchronized (byConnection) {
            Pins pins = byConnection.get(physical);
            if (pins == null) {
                // a new physical connection: the pool has likely retired one, whose pins go now
                byConnection.keySet().removeIf(HsqldbStatementPins::isClosed);
                pins = new Pins();
                byConnection.put(physical, pins);
            }
            return pins;
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The pool hands out proxies; a pin on the proxy would be closed when the connection goes back to the pool. */
    private static Connection physical(Connection conn) throws SQLException {
        return conn.isWrapperFor(Connection.class) ? conn.unwrap(Connection.class) : conn;
    }

    private static final class Builder extends DefaultStatementBuilder {
        private final HsqldbStatementPins owner;

        Builder(HsqldbStatementPins owner) {
            this.owner = owner;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (!ctx.isReturningGeneratedKeys() && !ctx.isConcurrentUpdatable()) {
                Connection physical = physical(conn);
                owner.pinsOf(physical).pin(physical, sql);
            }
            return super.create(conn, sql, ctx);
        }
    }

    /** The pins of one connection, least recently used first. */
    private static final class Pins {
        private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= MAX_PINS) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        synchronized void pin(Connection physical, String sql) {
            PreparedStatement pinned = statements.get(sql);
            if (pinned != null) {
                return;
            }
            try {
                // the same call as DefaultStatementBuilder's plain case: HSQLDB matches SQL and cursor properties
                statements.put(sql, physical.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
            } catch (SQLException e) {
                // not pinned; the statement itself reports the problem
            }
        }

        synchronized int size() {
            return statements.size();
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // its connection is gone; nothing is held then
            }
        }
    }
}
