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

/**
 * The one database of a secflow process: a HikariCP pool, the schema brought up to date by Flyway
 * ({@code db/migration}, plus {@code db/hsqldb} on the embedded HSQLDB), and one {@link Jdbi} over the pool (on HSQLDB
 * with {@link HsqldbStatementPins}, so that each connection keeps its statements compiled). The Camunda engine is
 * to use {@link #dataSource()} too, so that engine and domain writes can share a transaction.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseSettings settings;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("secflow");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            // db/hsqldb: tuning only the embedded database needs (its migrations say why); PostgreSQL runs
            // db/migration alone
            String[] locations = settings.isHsqldb()
                    ? new String[] {"classpath:db/migration", "classpath:db/hsqldb"}
                    : new String[] {"classpath:db/migration"};
            Flyway.configure().dataSource(ds).locations(locations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(settings, ds);
    }

    /** Whether this is the embedded HSQLDB (else PostgreSQL). */
    public boolean isHsqldb() {
        return settings.isHsqldb();
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
        dataSource.close();
    }
}
