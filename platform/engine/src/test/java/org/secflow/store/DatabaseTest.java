package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
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
}
