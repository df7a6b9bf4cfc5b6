package org.secflow.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test class (or one test), on the database the run selects: the system property
 * {@code secflow.test.database} is {@code hsqldb} (the default: an in-memory HSQLDB, gone when closed) or
 * {@code postgresql} (a database {@code secflow_test_<random>} created on the PostgreSQL server and dropped when
 * closed). The schema is left to the code under test (the production Flyway migrations).
 *
 * <p>The PostgreSQL server is {@code 127.0.0.1:5432}, user {@code postgres}, no password (trust authentication, as on
 * the developers' and CI machines); the system properties {@code secflow.test.pg.host}, {@code .port}, {@code .user}
 * and {@code .password} change them. When the server cannot be reached, {@link #fresh()} fails with an
 * {@link IllegalStateException} that says how to start it: a run that selected PostgreSQL never passes silently on
 * HSQLDB.
 *
 * @param kind {@code hsqldb} or {@code postgresql}
 * @param url JDBC URL of the new database; for HSQLDB with the options secflow runs every HSQLDB with
 *            (MVCC, PostgreSQL syntax)
 * @param username user name
 * @param password password, may be empty
 */
public record TestDatabase(String kind, String url, String username, String password) implements AutoCloseable {
    /** The system property that selects the database of a test run. */
    public static final String PROPERTY = "secflow.test.database";
    /** How to start the server on a developer's or CI machine (Debian's PostgreSQL packages). */
    public static final String START_HINT = "start it with: pg_ctlcluster --skip-systemctl-redirect "
            + "$(ls /etc/postgresql) main start   (then pg_isready -h 127.0.0.1 answers 'accepting connections')";
    /** The options of {@code DatabaseSettings.HSQLDB_OPTIONS}: MVCC and PostgreSQL syntax. */
    static final String HSQLDB_OPTIONS = ";hsqldb.tx=mvcc;sql.syntax_pgs=true";

    /** Whether this run's tests use PostgreSQL ({@code -Dsecflow.test.database=postgresql}). */
    public static boolean postgresqlSelected() {
        String v = System.getProperty(PROPERTY, "hsqldb").strip().toLowerCase(Locale.ROOT);
        if (!v.equals("hsqldb") && !v.equals("postgresql")) {
            throw new IllegalStateException(PROPERTY + " is 'hsqldb' or 'postgresql', not '" + v + "'");
        }
        return v.equals("postgresql");
    }

    private static final Object TEMPLATE_LOCK = new Object();
    private static String template;

    /** A new empty database on the database this run selects. */
    public static TestDatabase fresh() {
        return postgresqlSelected() ? postgresql() : hsqldb();
    }

    /**
     * A new database for code that migrates its schema with the production migrations when it opens it. On HSQLDB an
     * empty in-memory database (migrating it costs little). On PostgreSQL a copy ({@code CREATE DATABASE ...
     * TEMPLATE}) of a template database that {@code migrate} brought up to date once per test JVM with those same
     * migrations: creating the engine's and the features' tables takes seconds on PostgreSQL, copying them a fraction
     * of one. The code under test then finds its schema current. The template is dropped when the JVM exits.
     *
     * @param migrate opens (migrates) and closes the database it is given, e.g. {@code Database.open(...).close()}
     */
    public static TestDatabase migrated(java.util.function.Consumer<TestDatabase> migrate) {
        if (!postgresqlSelected()) {
            return hsqldb();
        }
        String from;
        synchronized (TEMPLATE_LOCK) {
            if (template == null) {
                TestDatabase t = postgresql();
                try {
                    migrate.accept(t);
                } catch (RuntimeException | Error e) {
                    t.close();
                    throw e;
                }
                template = t.url().substring(t.url().lastIndexOf('/') + 1);
                Runtime.getRuntime().addShutdownHook(new Thread(t::close, "drop-test-template"));
            }
            from = template;
        }
        return postgresql(" TEMPLATE " + from);
    }

    /** A new in-memory HSQLDB database. */
    public static TestDatabase hsqldb() {
        return new TestDatabase("hsqldb", "jdbc:hsqldb:mem:" + UUID.randomUUID() + HSQLDB_OPTIONS, "SA", "");
    }

    /**
     * A new database {@code secflow_test_<random>} on the PostgreSQL server.
     *
     * @throws IllegalStateException when the server cannot be reached (the message says how to start it)
     */
    public static TestDatabase postgresql() {
        return postgresql("");
    }

    private static TestDatabase postgresql(String options) {
        String name = "secflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            throw unreachable(e);
        }
        return new TestDatabase("postgresql", serverUrl(name), serverUser(), serverPassword());
    }

    /** Whether this is a PostgreSQL database. */
    public boolean isPostgresql() {
        return kind.equals("postgresql");
    }

    /** Drops a PostgreSQL database (ending the sessions still on it); an HSQLDB memory database is left to go. */
    @Override
    public void close() {
        if (!isPostgresql()) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A connection to the server's {@code postgres} database, for creating and dropping test databases. */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl("postgres"), serverUser(), serverPassword());
    }

    /** {@code jdbc:postgresql://host:port/<database>} on the test server. */
    public static String serverUrl(String database) {
        return "jdbc:postgresql://" + System.getProperty("secflow.test.pg.host", "127.0.0.1") + ":"
                + System.getProperty("secflow.test.pg.port", "5432") + "/" + database;
    }

    private static String serverUser() {
        return System.getProperty("secflow.test.pg.user", "postgres");
    }

    private static String serverPassword() {
        return System.getProperty("secflow.test.pg.password", "");
    }

    private static IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("the tests run on PostgreSQL (" + PROPERTY + "=postgresql) but the server at "
                + serverUrl("postgres") + " cannot be reached as user " + serverUser() + " (" + e.getMessage() + "); "
                + START_HINT, e);
    }
}
