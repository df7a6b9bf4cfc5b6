package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.secflow.testkit.TestDatabase;

/**
 * Upgrade in place: a database the previous release created (its migrations end at version 12) is migrated by
 * {@link Database#open} to the latest schema on the database the run selects (HSQLDB, or PostgreSQL with
 * {@code -Dsecflow.test.database=postgresql}); its rows are kept, and firmware updates in progress get their claims.
 */
class DatabaseUpgradeTest {

    /** The last migration of the previous release: 12 on HSQLDB; 9 on PostgreSQL, where 10-12 (db/hsqldb) never ran. */
    private static String previousRelease(TestDatabase t) {
        return t.isPostgresql() ? "9" : "12";
    }

    private static List<String> list(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void aDatabaseOfThePreviousReleaseMigratesKeepingItsRowsAndItsUpdatesInProgress() throws Exception {
        try (TestDatabase t = TestDatabase.fresh()) {
            String folder = t.isPostgresql() ? "postgresql" : "hsqldb";
            Flyway.configure().dataSource(t.url(), t.username(), t.password())
                    .locations("classpath:db/migration", "classpath:db/" + folder).target(previousRelease(t)).load().migrate();
            try (Connection c = DriverManager.getConnection(t.url(), t.username(), t.password());
                 Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO premises (mpan, region, import_supplier) VALUES ('1012345678901', 'NORTH', 'SUP-A')""");
                s.execute("""
                        INSERT INTO comms_hub (device_id, region) VALUES ('00-DB-00-00-00-00-00-01', 'NORTH')""");
                s.execute("""
                        INSERT INTO device (device_id, device_type, alt_han_variant, model, firmware_version, status, comms_hub_id,
                          created_at, updated_at)
                        VALUES ('00-DB-00-00-00-00-00-02', 'PPMID', 'B2', 'M', '1.0.0', 'COMMISSIONED', '00-DB-00-00-00-00-00-01',
                          CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
                               ('00-DB-00-00-00-00-00-03', 'PPMID', NULL, 'M', '1.0.0', 'COMMISSIONED', '00-DB-00-00-00-00-00-01',
                          CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
                s.execute("""
                        INSERT INTO service_request (request_id, srv, user_id, party, user_role, state, ruleset_version,
                          created_at, updated_at)
                        VALUES ('r1', '11.4', 'u1', 'SUP-A', 'IS', 'IN_PROGRESS', 'v1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
                s.execute("""
                        INSERT INTO service_request_device (request_id, device_id, srv, state, updated_at)
                        VALUES ('r1', '00-DB-00-00-00-00-00-03', '11.4', 'SENT', CURRENT_TIMESTAMP)""");
                s.execute("""
                        INSERT INTO service_request_event (request_id, device_id, stage, occurred_at)
                        VALUES ('r1', '00-DB-00-00-00-00-00-03', 'ACCEPTED', CURRENT_TIMESTAMP),
                               ('r1', '00-DB-00-00-00-00-00-03', 'ACCEPTED_BY_CSP', CURRENT_TIMESTAMP)""");
                s.execute("""
                        INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                          created_party, created_role, state, wave_count, definition_json, created_at, updated_at)
                        VALUES ('c1', 'before the upgrade', 'ab', '2.0', 'M', 'u1', 'SUP-A', 'IS', 'RUNNING', 1, '{}',
                          CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
                s.execute("""
                        INSERT INTO campaign_device (campaign_id, device_id, comms_hub_id, wave, state, attempts, sent_count, updated_at)
                        VALUES ('c1', '00-DB-00-00-00-00-00-02', '00-DB-00-00-00-00-00-01', 1, 'DELIVERED', 1, 1, CURRENT_TIMESTAMP)""");
            }

            try (Database db = Database.open(FreshDatabase.settings(t, 2))) {
                List<String> versions = java.util.Arrays.stream(Flyway.configure().dataSource(db.dataSource())
                                .locations("classpath:db/migration", "classpath:db/" + folder).load().info().applied())
                        .filter(m -> m.getVersion() != null).map(m -> m.getVersion().getVersion()).toList();
                assertThat(versions).contains("9", "17");
                assertThat(list(db, "SELECT campaign_id || ' ' || device_id || ' ' || state FROM campaign_device"))
                        .containsExactly("c1 00-DB-00-00-00-00-00-02 DELIVERED");
                assertThat(list(db, "SELECT device_id || ' ' || firmware_version FROM device ORDER BY device_id"))
                        .containsExactly("00-DB-00-00-00-00-00-02 1.0.0", "00-DB-00-00-00-00-00-03 1.0.0");
                assertThat(list(db, "SELECT device_id || ' ' || holder FROM device_update_claim ORDER BY device_id"))
                        .containsExactly("00-DB-00-00-00-00-00-02 c1", "00-DB-00-00-00-00-00-03 r1");
                assertThat(list(db, "SELECT comms_hub_id || ' ' || device_id || ' ' || holder FROM han_update_claim"))
                        .containsExactly("00-DB-00-00-00-00-00-01 00-DB-00-00-00-00-00-02 c1");
                assertThat(list(db, "SELECT request_id || ' ' || device_id || ' ' || state FROM service_request_device"))
                        .containsExactly("r1 00-DB-00-00-00-00-00-03 SENT");
                // the events keep their ids, and the next one (its id from the identity) comes after them
                assertThat(list(db, "SELECT stage FROM service_request_event WHERE request_id = 'r1' ORDER BY event_id"))
                        .containsExactly("ACCEPTED", "ACCEPTED_BY_CSP");
                db.jdbi().useHandle(h -> h.execute("""
                        INSERT INTO service_request_event (request_id, device_id, stage, occurred_at)
                        VALUES ('r1', '00-DB-00-00-00-00-00-03', 'DELIVERED_TO_HUB', CURRENT_TIMESTAMP)"""));
                assertThat(list(db, "SELECT stage FROM service_request_event WHERE request_id = 'r1' ORDER BY event_id"))
                        .containsExactly("ACCEPTED", "ACCEPTED_BY_CSP", "DELIVERED_TO_HUB");
            }
        }
    }
}
