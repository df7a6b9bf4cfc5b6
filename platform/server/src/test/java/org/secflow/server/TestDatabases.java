package org.secflow.server;

import org.secflow.server.config.SecflowConfig;
import org.secflow.store.Database;
import org.secflow.store.DatabaseSettings;
import org.secflow.testkit.TestDatabase;

/**
 * The database of an API test: a fresh one of the kind the run selects ({@link TestDatabase}; PostgreSQL with
 * {@code -Dsecflow.test.database=postgresql}), for the platform to open and migrate. Close the {@link TestDatabase}
 * after the platform (a PostgreSQL database is dropped then).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A fresh database (on PostgreSQL a copy of a template the production migrations built). */
    public static TestDatabase fresh() {
        return TestDatabase.migrated(m -> Database.open(new DatabaseSettings(m.url(), m.username(), m.password(), 2)).close());
    }

    /** The {@code database} section of a configuration for {@code t}. */
    public static SecflowConfig.Database config(TestDatabase t, int poolSize) {
        return new SecflowConfig.Database(t.url(), t.username(), t.password(), poolSize);
    }
}
