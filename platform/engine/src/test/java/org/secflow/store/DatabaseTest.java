package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.InventoryService;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;

class DatabaseTest {

    @Test
    void keepsACommittedDeviceAcrossARestartOfTheFileDatabase(@TempDir Path data) {
        var bridge = new DevicePreNotification("00-DB-12-34-56-78-9A-B0", DeviceType.PPMID, true, AltHanDeviceVariant.B2,
                "M", "B2", "1.0", true, null);
        try (Database db = Database.open(DatabaseSettings.hsqldbFile(data))) {
            new InventoryService(db.jdbi(), Clock.systemUTC()).preNotify(bridge);
            assertThat(db.describe()).startsWith("HSQL Database Engine 2.7");
        }
        try (Database db = Database.open(DatabaseSettings.hsqldbFile(data))) {
            assertThat(new InventoryService(db.jdbi(), Clock.systemUTC()).find("00-DB-12-34-56-78-9A-B0"))
                    .hasValueSatisfying(d -> assertThat(d.batteryPowered()).isTrue());
        }
    }

    /** db/hsqldb/V12 rebuilds campaign_device without its foreign key: an existing database keeps its rows. */
    @Test
    void theCampaignDeviceRebuildOfV12KeepsTheRowsOfAnExistingDatabase(@TempDir Path data) throws Exception {
        DatabaseSettings file = DatabaseSettings.hsqldbFile(data);
        Flyway.configure().dataSource(file.jdbcUrl(), file.username(), file.password())
                .locations("classpath:db/migration", "classpath:db/hsqldb").target("11").load().migrate();
        try (Connection c = DriverManager.getConnection(file.jdbcUrl(), file.username(), file.password());
             Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                      created_party, created_role, state, wave_count, definition_json, created_at, updated_at)
                    VALUES ('c1', 'before V12', 'ab', '2.0', 'M', 'u1', 'P', 'IS', 'RUNNING', 1, '{}', NOW(), NOW())""");
            s.execute("""
                    INSERT INTO campaign_device (campaign_id, device_id, wave, state, reason, attempts, sent_count, updated_at)
                    VALUES ('c1', '00-DB-12-34-56-78-9A-B1', 1, 'DELIVERED', '0x8F8A', 1, 1, NOW())""");
        }

        try (Database db = Database.open(file)) {
            List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT campaign_id || ' ' || device_id || ' ' || state || ' ' || reason || ' ' || sent_count FROM campaign_device")
                    .mapTo(String.class).list());
            assertThat(rows).containsExactly("c1 00-DB-12-34-56-78-9A-B1 DELIVERED 0x8F8A 1");
            List<String> indexes = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT DISTINCT index_name FROM information_schema.system_indexinfo
                     WHERE table_schem = 'PUBLIC' AND table_name = 'CAMPAIGN_DEVICE'""").mapTo(String.class).list());
            assertThat(indexes).containsExactly("CAMPAIGN_DEVICE_PK");
        }
    }
}
