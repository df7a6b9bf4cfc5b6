package org.secflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/** Routes of the SMI for plugins, read one by one or ahead in one query, on the database the run selects. */
class SmiInventoryLookupTest {

    @Test
    void aRouteReadAheadAnswersTheNextLookupOfItsDeviceOnceThenTheStoreAnswers() {
        try (Database db = FreshDatabase.open()) {
            EstateLoaderTest.loadTwoPremises(db);
            SmiInventoryLookup lookup = new SmiInventoryLookup(db.jdbi());
            String esme = DeviceId.of(0x102).value();
            String unknown = DeviceId.of(0x999).value();
            lookup.readAhead(List.of(esme, unknown, DeviceId.of(0x201).value()));
            // the premises' hub changes region after the read: the route read ahead still says NORTH, once
            db.jdbi().useHandle(h -> h.execute("UPDATE comms_hub SET region = 'SOUTH' WHERE device_id = ?", DeviceId.of(0x100).value()));

            assertThat(lookup.route(DeviceId.of(0x102))).hasValueSatisfying(r -> {
                assertThat(r.commsHubId()).isEqualTo(DeviceId.of(0x100));
                assertThat(r.region()).isEqualTo(Region.NORTH);
                assertThat(r.deviceType()).isEqualTo(DeviceType.ESME);
            });
            assertThat(lookup.route(DeviceId.of(0x102))).hasValueSatisfying(r -> assertThat(r.region()).isEqualTo(Region.SOUTH));
            assertThat(lookup.route(DeviceId.of(0x999))).as("not in the SMI, read ahead as such").isEmpty();
            assertThat(lookup.route(DeviceId.of(0x201))).hasValueSatisfying(r -> {
                assertThat(r.commsHubId()).isEqualTo(DeviceId.of(0x200));
                assertThat(r.deviceType()).isEqualTo(DeviceType.PPMID);
            });
        }
    }

    @Test
    void aRouteOfADeviceJustReadAnswersTheNextLookupOnceAndADeviceOnNoHubIsLeftToTheStore() {
        try (Database db = FreshDatabase.open()) {
            EstateLoaderTest.loadTwoPremises(db);
            SmiInventoryLookup lookup = new SmiInventoryLookup(db.jdbi());
            InventoryService smi = new InventoryService(db.jdbi(), java.time.Clock.systemUTC(), SmiReadModel.disabled());
            Device esme = smi.find(DeviceId.of(0x102).value()).orElseThrow();
            lookup.known(esme);
            db.jdbi().useHandle(h -> h.execute("UPDATE comms_hub SET region = 'SOUTH' WHERE device_id = ?", DeviceId.of(0x100).value()));

            assertThat(lookup.route(DeviceId.of(0x102))).as("the route of the device as read").hasValueSatisfying(r -> {
                assertThat(r.commsHubId()).isEqualTo(DeviceId.of(0x100));
                assertThat(r.region()).isEqualTo(esme.region()).isEqualTo(Region.NORTH);
                assertThat(r.deviceType()).isEqualTo(DeviceType.ESME);
            });
            assertThat(lookup.route(DeviceId.of(0x102))).as("then the store's")
                    .hasValueSatisfying(r -> assertThat(r.region()).isEqualTo(Region.SOUTH));

            lookup.known(new Device(DeviceId.of(0x555).value(), DeviceType.PPMID, null, "m", "x", "1.0", false, false,
                    esme.status(), null, null, null, null, null, null, null, null, null, null));
            assertThat(lookup.route(DeviceId.of(0x555))).as("on no hub: not offered; the store does not know it").isEmpty();
        }
    }

    @Test
    void readsAheadMoreDevicesThanOneQueryTakes() {
        try (Database db = FreshDatabase.open()) {
            EstateLoaderTest.loadTwoPremises(db);
            SmiInventoryLookup lookup = new SmiInventoryLookup(db.jdbi());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                ids.add(DeviceId.of(0x10_000 + i).value()); // not in the SMI
            }
            ids.add(DeviceId.of(0x202).value());
            lookup.readAhead(ids);
            db.jdbi().useHandle(h -> h.execute("UPDATE comms_hub SET region = 'NORTH' WHERE device_id = ?", DeviceId.of(0x200).value()));

            assertThat(lookup.route(DeviceId.of(0x202))).as("read ahead in the third query, before the change")
                    .hasValueSatisfying(r -> assertThat(r.region()).isEqualTo(Region.SOUTH));
            assertThat(lookup.route(DeviceId.of(0x10_000))).isEmpty();
        }
    }
}
