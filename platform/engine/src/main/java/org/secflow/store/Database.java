package org.secflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one database of a secflow process: a HikariCP pool, the schema brought up to date by Flyway
 * ({@code db/migration}, plus {@code db/hsqldb} on the embedded HSQLDB or {@code db/postgresql} on PostgreSQL), and
 * one {@link Jdbi} over the pool (on HSQLDB with {@link HsqldbStatementPins}, so that each connection keeps its
 * statements compiled; PostgreSQL's driver keeps server-side prepared statements itself). The Camunda engine uses
 * {@link #dataSource()} too, so that engine and domain writes can share a transaction.
 *
 * <p>Several secflow processes may share one PostgreSQL database: the schema is migrated by whichever starts first
 * (Flyway takes a PostgreSQL advisory lock while it migrates, so a second process waits and then finds nothing to
 * do), and the rules that must hold across processes are kept by the database (see {@code db/migration/V17}).
 */
public final class Database implements AutoCloseable {
    /** How old HSQLDB wants a lock file's heartbeat before it takes the lock over, in ms (HSQLDB 2.7 {@code LockFile}). */
    static final long HSQLDB_LOCK_WAIT_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseSettings settings;
    private final Runnable afterClose;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, Runnable afterClose) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.afterClose = afterClose;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        if (settings.isHsqldb()) {
            jdbi.setStatementBuilderFactory(new HsqldbStatementPins());
        }
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails (nothing is served then)
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, () -> { });
    }

    /**
     * Opens the pool and migrates the schema; {@code afterClose} runs once the pool is closed (a benchmark or test
     * drops its scratch database there).
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails (nothing is served then)
     */
    public static Database open(DatabaseSettings settings, Runnable afterClose) {
        HikariDataSource ds = pool(settings);
        try {
            // db/hsqldb and db/postgresql: what only one of the two databases needs (each migration says why);
            // versions are shared with db/migration, so a version is used in one folder only
            String[] locations = {"classpath:db/migration", "classpath:db/" + (settings.isHsqldb() ? "hsqldb" : "postgresql")};
            Flyway.configure().dataSource(ds).locations(locations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(settings, ds, afterClose);
    }

    /**
     * Opens the pool. The embedded HSQLDB file is locked by the process that has it open ({@code secflow.lck}); a
     * process killed (kill -9, a power cut) leaves the lock file behind, and HSQLDB refuses it until the heartbeat the
     * dead process wrote in it is {@value #HSQLDB_LOCK_WAIT_MS} ms old or more. So a restart right after a crash tries
     * again for up to {@value #HSQLDB_LOCK_WAIT_MS} ms plus a margin; a lock still held then (a live process on the
     * same data folder) fails as HSQLDB reports it.
     */
    private static HikariDataSource pool(DatabaseSettings settings) {
        long deadline = System.nanoTime() + (HSQLDB_LOCK_WAIT_MS + 2_000) * 1_000_000L;
        boolean told = false;
        while (true) {
            try {
                return new HikariDataSource(hikari(settings));
            } catch (RuntimeException e) {
                if (!settings.isHsqldb() || !lockRefused(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    LOG.info("the database's lock file is held, by a live process or one that stopped in the last {} s; "
                            + "trying again until its heartbeat lapses", HSQLDB_LOCK_WAIT_MS / 1_000);
                    told = true;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean lockRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }

    private static HikariConfig hikari(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("secflow");
        if (!settings.isHsqldb() && !settings.jdbcUrl().contains("reWriteBatchedInserts")) {
            // a batch of inserts (a group commit's rows) as multi-row INSERTs: fewer statements for the server to run
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    /**
     * Whether {@code h} is connected to PostgreSQL (else the embedded HSQLDB): for the few writes that take a
     * PostgreSQL-only form (arrays, {@code ON CONFLICT}). Both drivers answer from the connection, without a query.
     *
     * @throws IllegalStateException when the driver cannot tell its product
     */
    public static boolean isPostgresql(org.jdbi.v3.core.Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product: " + e.getMessage(), e);
        }
    }

    /** Whether this is the embedded HSQLDB (else PostgreSQL). */
    public boolean isHsqldb() {
        return settings.isHsqldb();
    }

    /** Whether this is PostgreSQL, a database other secflow processes may share. */
    public boolean isPostgresql() {
        return !settings.isHsqldb();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Product name and version, e.g. {@code HSQL Database Engine 2.7.4}. */
    public String describe() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** Closes the pool; an HSQLDB file database is checkpointed and shut down cleanly. */
    @Override
    public void close() {
        if (settings.isHsqldb() && !dataSource.isClosed()) {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already shut down
            }
        }
        boolean wasOpen = !dataSource.isClosed();
        dataSource.close();
        if (wasOpen) {
            afterClose.run();
        }
    }
}
