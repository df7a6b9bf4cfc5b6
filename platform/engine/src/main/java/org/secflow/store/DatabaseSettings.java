package org.secflow.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * How to reach the database.
 *
 * <p>The default is one embedded HSQLDB file per data directory, run so that a commit is durable: write delay off,
 * cached tables (memory tables would hold the whole database in the heap), MVCC and PostgreSQL syntax so that the Camunda
 * engine can share it (Camunda does not support HSQLDB; V5__Camunda_engine_schema adapts its schema). PostgreSQL (the production database) replaces it by
 * giving a {@code jdbc:postgresql://host:5432/database} URL with its user and password; the migrations are written
 * in SQL both accept, and what only one of them needs lives in {@code db/hsqldb} or {@code db/postgresql}.
 *
 * @param jdbcUrl JDBC URL
 * @param username user name
 * @param password password, may be empty
 * @param maxPoolSize connections in the pool, at least 1
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, int maxPoolSize) {
    /** URL options every HSQLDB database of secflow runs with. */
    public static final String HSQLDB_OPTIONS = ";hsqldb.tx=mvcc;sql.syntax_pgs=true";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        username = username == null ? "SA" : username;
        password = password == null ? "" : password;
        if (!jdbcUrl.startsWith("jdbc:hsqldb:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database.url must be a jdbc:postgresql: or jdbc:hsqldb: URL, not '"
                    + jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=...") + "'");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + maxPoolSize);
        }
    }

    /** The embedded file database {@code <dataDir>/secflow} with durable commits. */
    public static DatabaseSettings hsqldbFile(Path dataDir) {
        String path = dataDir.toAbsolutePath().resolve("secflow").toString();
        return new DatabaseSettings("jdbc:hsqldb:file:" + path + HSQLDB_OPTIONS
                + ";hsqldb.write_delay=false;hsqldb.default_table_type=cached;shutdown=true", "SA", "", 16);
    }

    /** A fresh in-memory database (tests). */
    public static DatabaseSettings hsqldbMemory() {
        return new DatabaseSettings("jdbc:hsqldb:mem:" + UUID.randomUUID() + HSQLDB_OPTIONS, "SA", "", 4);
    }

    /** Whether this is an HSQLDB database. */
    public boolean isHsqldb() {
        return jdbcUrl.startsWith("jdbc:hsqldb:");
    }
}
