package org.secflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.store.Database;
import org.secflow.store.DatabaseSettings;
import org.secflow.store.FreshDatabase;
import org.secflow.testkit.TestDatabase;

/**
 * The SMI read model on a PostgreSQL database two "processes" share: two {@link Database}s (two pools, as two secflow
 * processes have) on one fresh database, the first keeping devices in memory and listening for the changes the
 * second commits. Always on PostgreSQL (whatever the run selects): the notifications exist only there.
 */
class SmiChangeListenerTest {
    private static final String PPMID = "00-DB-12-34-56-78-9B-A0";

    private final TestDatabase pg = TestDatabase.postgresql();
    private final DatabaseSettings settings = FreshDatabase.settings(pg, 2);
    private final Database first = Database.open(settings);
    private final Database second = Database.open(FreshDatabase.settings(pg, 2));
    private final SmiReadModel model = SmiReadModel.keeping(100);
    private final SmiChangeListener listener = SmiChangeListener.start(settings, model, 10_000);
    private final InventoryService firstSmi = new InventoryService(first.jdbi(), Clock.systemUTC(), model);
    private final InventoryService secondSmi = new InventoryService(second.jdbi(), Clock.systemUTC());

    @AfterEach
    void close() {
        listener.close();
        first.close();
        second.close();
        pg.close();
    }

    private static DevicePreNotification bridge(String id) {
        return new DevicePreNotification(id, DeviceType.PPMID, true, AltHanDeviceVariant.B1, "AltHANCo Bridges", "P2P-B3",
                "1.0.0", false, null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private Optional<String> firmwareSeenByFirst() {
        return firstSmi.find(PPMID).map(Device::firmwareVersion);
    }

    @Test
    void aDeviceTheOtherProcessUpdatesIsReadAfreshOnceItsCommitIsAnnounced() throws Exception {
        assertThat(listener.listening()).isTrue();
        secondSmi.preNotify(bridge(PPMID));
        assertThat(firmwareSeenByFirst()).contains("1.0.0");
        assertThat(model.size()).as("kept").isEqualTo(1);

        secondSmi.update(PPMID, new DeviceUpdate(null, null, "1.1.0", null, null, null, null));

        await(() -> model.size() == 0);
        assertThat(firmwareSeenByFirst()).contains("1.1.0");
    }

    @Test
    void aChangeRolledBackAnnouncesNothingAndAnUpdateOfManyDevicesReachesEach() throws Exception {
        secondSmi.preNotify(bridge(PPMID));
        for (int i = 0; i < 400; i++) { // more than one notification's 300 ids
            secondSmi.preNotify(bridge(String.format("00-DB-12-34-56-78-%02X-%02X", 0xC0 + i / 256, i % 256)));
        }
        firmwareSeenByFirst();
        firstSmi.find("00-DB-12-34-56-78-C1-8F"); // the 400th
        assertThat(model.size()).isEqualTo(2);

        assertThatThrownBy(() -> second.jdbi().useTransaction(h -> {
            h.execute("UPDATE device SET firmware_version = '9.9.9'");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        Thread.sleep(300);
        assertThat(model.size()).as("nothing committed, nothing forgotten").isEqualTo(2);

        second.jdbi().useHandle(h -> h.execute("UPDATE device SET firmware_version = '2.0.0'"));
        await(() -> model.size() == 0);
        assertThat(firmwareSeenByFirst()).contains("2.0.0");
        assertThat(firstSmi.find("00-DB-12-34-56-78-C1-8F")).map(Device::firmwareVersion).contains("2.0.0");
    }

    @Test
    void aChangeOfAHubOrPremisesMakesEveryDeviceForgotten() throws Exception {
        secondSmi.preNotify(bridge(PPMID));
        firmwareSeenByFirst();
        assertThat(model.size()).isEqualTo(1);

        second.jdbi().useHandle(h -> h.execute("UPDATE premises SET mpan = mpan"));

        await(() -> model.size() == 0);
    }

    @Test
    void withItsConnectionLostTheReadModelKeepsNothingUntilItListensAgain() throws Exception {
        secondSmi.preNotify(bridge(PPMID));
        firmwareSeenByFirst();
        assertThat(model.size()).isEqualTo(1);

        try (Connection c = TestDatabase.admin(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN "
                    + SmiChangeListener.CHANNEL + "%'");
        }
        await(() -> !listener.listening());
        assertThat(model.size()).as("forgotten when deaf").isZero();

        await(listener::listening); // connected again within a second or so
        secondSmi.update(PPMID, new DeviceUpdate(null, null, "1.2.0", null, null, null, null));
        await(() -> firmwareSeenByFirst().equals(Optional.of("1.2.0")));
        Thread.sleep(300); // the update's own notification may arrive after that read and forget it: let it arrive
        assertThat(firmwareSeenByFirst()).contains("1.2.0");
        assertThat(model.size()).as("kept again").isEqualTo(1);
        secondSmi.update(PPMID, new DeviceUpdate(null, null, "1.3.0", null, null, null, null));
        await(() -> model.size() == 0);
        assertThat(firmwareSeenByFirst()).contains("1.3.0");
    }
}
