package org.secflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedCommsHub;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.Region;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

class EstateLoaderTest {

    static EmulatedDevice device(long id, DeviceType type) {
        return new EmulatedDevice(DeviceId.of(id), type, null, "M", type + "-1", "1.0", false, false);
    }

    /** Two premises: North dual fuel (hub, GPF, ESME, GSME) and South electricity with two Alt HAN bridges. */
    static void loadTwoPremises(Database db) {
        var north = new EmulatedPremises("1200000000001", "1234567", Region.NORTH, "SUPPLIER-A", "SUPPLIER-B",
                new EmulatedCommsHub(device(0x100, DeviceType.CHF), device(0x101, DeviceType.GPF), "1.0", "2.0"),
                List.of(device(0x102, DeviceType.ESME), device(0x103, DeviceType.GSME)), "1200000000010", "SUPPLIER-E");
        var south = new EmulatedPremises("2200000000001", null, Region.SOUTH, "SUPPLIER-B", null,
                new EmulatedCommsHub(device(0x200, DeviceType.CHF), null, "1.1", "3.2"),
                List.of(new EmulatedDevice(DeviceId.of(0x201), DeviceType.PPMID, AltHanDeviceVariant.B1, "A", "B1", "1", true, false),
                        new EmulatedDevice(DeviceId.of(0x202), DeviceType.PPMID, AltHanDeviceVariant.B2, "A", "B2", "1", false, true)));
        try (EstateLoader loader = new EstateLoader(db.jdbi(), Clock.systemUTC())) {
            loader.accept(north);
            loader.accept(south);
        }
    }

    @Test
    void writesPremisesHubsAndDevicesAsCommissioned() {
        try (Database db = FreshDatabase.open()) {
            loadTwoPremises(db);
            InventoryService smi = new InventoryService(db.jdbi(), Clock.systemUTC());

            assertThat(smi.deviceCount()).as("CHF, GPF, ESME, GSME + CHF, two bridges").isEqualTo(7);
            Device bridge = smi.find(DeviceId.of(0x202).value()).orElseThrow();
            assertThat(bridge.status()).isEqualTo(SmiStatus.COMMISSIONED);
            assertThat(bridge.tcsoReclassified()).isTrue();
            assertThat(bridge.commsHubId()).isEqualTo(DeviceId.of(0x200).value());
            assertThat(bridge.region()).isEqualTo(Region.SOUTH);
            assertThat(bridge.mpan()).isEqualTo("2200000000001");
            assertThat(bridge.exportMpan()).isNull();
            Device esme = smi.find(DeviceId.of(0x102).value()).orElseThrow();
            assertThat(esme.exportMpan()).isEqualTo("1200000000010");
            assertThat(esme.exportSupplier()).isEqualTo("SUPPLIER-E");
            assertThat(esme.importSupplier()).isEqualTo("SUPPLIER-A");
            assertThat(new SmiInventoryLookup(db.jdbi()).route(DeviceId.of(0x103)))
                    .hasValueSatisfying(r -> assertThat(r.region()).isEqualTo(Region.NORTH));
        }
    }

    @Test
    void continuesPremisesIdsAfterAnEarlierEstate() {
        try (Database db = FreshDatabase.open()) {
            try (EstateLoader loader = new EstateLoader(db.jdbi(), Clock.systemUTC())) {
                loader.accept(new EmulatedPremises("1200000000002", null, Region.CENTRAL, "SUPPLIER-A", null,
                        new EmulatedCommsHub(device(0x300, DeviceType.CHF), null, "1.0", "2.0"), List.of()));
            }
            loadTwoPremises(db);
            long premises = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM premises").mapTo(Long.class).one());
            assertThat(premises).isEqualTo(3);
        }
    }

    @Test
    void onPostgresqlALoadLeavesThePlannerStatisticsOfItsTables() {
        try (Database db = FreshDatabase.open()) {
            assumeTrue(db.isPostgresql(), "HSQLDB keeps no planner statistics");
            loadTwoPremises(db);
            // reltuples is -1 until a table is first analysed; ANALYZE of a small table reads every row
            List<String> counted = db.jdbi().withHandle(h -> h.createQuery("""
                            SELECT relname || ' ' || CAST(reltuples AS BIGINT) FROM pg_class
                             WHERE relname IN ('premises', 'comms_hub', 'device') ORDER BY relname""")
                    .mapTo(String.class).list());
            assertThat(counted).containsExactly("comms_hub 2", "device 7", "premises 2");
        }
    }
}
