package org.secflow.store;

import org.secflow.testkit.TestDatabase;

/**
 * Opens a {@link Database} on a fresh database of the kind the run selects ({@link TestDatabase}: an empty in-memory
 * HSQLDB, or with {@code -Dsecflow.test.database=postgresql} a new PostgreSQL database copied from a template the
 * production migrations built), its schema brought up to date by the production migrations. A PostgreSQL database
 * is dropped when the {@link Database} is closed.
 */
public final class FreshDatabase {
    private FreshDatabase() {
    }

    /** A fresh database with a pool of four connections. */
    public static Database open() {
        return open(4);
    }

    /** A fresh database with a pool of {@code poolSize} connections. */
    public static Database open(int poolSize) {
        TestDatabase t = TestDatabase.migrated(m -> Database.open(settings(m, 2)).close());
        try {
            return Database.open(settings(t, poolSize), t::close);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** The settings of a test database. */
    public static DatabaseSettings settings(TestDatabase t, int poolSize) {
        return new DatabaseSettings(t.url(), t.username(), t.password(), poolSize);
    }
}
