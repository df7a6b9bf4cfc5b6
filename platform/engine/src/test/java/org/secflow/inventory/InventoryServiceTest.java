package org.secflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.problem.ConflictException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/** The SMI against a real in-memory HSQLDB with the production migrations. Sources: DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1. */
class InventoryServiceTest {
    private final Database db = FreshDatabase.open();
    private final InventoryService smi = new InventoryService(db.jdbi(), Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    private static DevicePreNotification bridge(String id, AltHanDeviceVariant variant) {
        return new DevicePreNotification(id, DeviceType.PPMID, true, variant, "AltHANCo Bridges", "P2P-B3", "1.0.0", false, null);
    }

    @Test
    void preNotifiesAnAltHanBridgeWithItsVariantAsAPendingPpmid() {
        Device d = smi.preNotify(bridge("00db123456789aa0", AltHanDeviceVariant.B3));

        assertThat(d.deviceId()).isEqualTo("00-DB-12-34-56-78-9A-A0");
        assertThat(d.deviceType()).isEqualTo(DeviceType.PPMID);
        assertThat(d.altHanDeviceVariant()).isEqualTo(AltHanDeviceVariant.B3);
        assertThat(d.status()).isEqualTo(SmiStatus.PENDING);
        assertThat(smi.find("00-DB-12-34-56-78-9A-A0")).contains(d);
    }

    @Test
    void refusesABridgeWithoutItsVariantAndWritesNothing() {
        assertThatThrownBy(() -> smi.preNotify(bridge("00-DB-12-34-56-78-9A-A1", null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("altHanDeviceVariant");
                    assertThat(e.rule()).contains("SRV 12.2").contains("DCC Preliminary Impact Assessment for SECMP0170");
                });
        assertThat(smi.deviceCount()).isZero();
    }

    @Test
    void refusesAVariantOnADeviceThatIsNotAPpmid() {
        var esme = new DevicePreNotification("00-DB-12-34-56-78-9A-A2", DeviceType.ESME, null, AltHanDeviceVariant.B1,
                "Meters Ltd", "E1", "1.0", null, null);
        assertThatThrownBy(() -> smi.preNotify(esme)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("deviceType"));
    }

    @Test
    void refusesAnInvalidDeviceIdNamingTheField() {
        assertThatThrownBy(() -> smi.preNotify(bridge("00-DB-12", AltHanDeviceVariant.B1)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("deviceId"));
    }

    @Test
    void refusesTheSameDeviceTwice() {
        smi.preNotify(bridge("00-DB-12-34-56-78-9A-A3", AltHanDeviceVariant.B1));
        assertThatThrownBy(() -> smi.preNotify(bridge("00-DB-12-34-56-78-9A-A3", AltHanDeviceVariant.B2)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesAnUnknownCommunicationsHub() {
        var d = new DevicePreNotification("00-DB-12-34-56-78-9A-A4", DeviceType.IHD, null, null, "M", "IHD-1", "1", null,
                "00-DB-00-00-00-00-00-01");
        assertThatThrownBy(() -> smi.preNotify(d)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("commsHubId"));
    }

    @Test
    void updatesTheVariantAndFirmwareVersionLikeSrv84() {
        smi.preNotify(bridge("00-DB-12-34-56-78-9A-A5", AltHanDeviceVariant.B1));

        Device d = smi.update("00-DB-12-34-56-78-9A-A5", new DeviceUpdate(null, null, "1.1.0", AltHanDeviceVariant.B2, null, null, null));

        assertThat(d.altHanDeviceVariant()).isEqualTo(AltHanDeviceVariant.B2);
        assertThat(d.firmwareVersion()).isEqualTo("1.1.0");
        assertThat(d.manufacturer()).isEqualTo("AltHANCo Bridges");
    }

    @Test
    void refusesAnEmptyUpdateAndAnUpdateOfAnUnknownDevice() {
        smi.preNotify(bridge("00-DB-12-34-56-78-9A-A6", AltHanDeviceVariant.B1));
        assertThatThrownBy(() -> smi.update("00-DB-12-34-56-78-9A-A6", new DeviceUpdate(null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> smi.update("00-DB-12-34-56-78-9A-FF", new DeviceUpdate("x", null, null, null, null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsDevicesFilteredByTypeVariantAndRegion() {
        EstateLoaderTest.loadTwoPremises(db);
        smi.preNotify(bridge("00-DB-12-34-56-78-9A-A7", AltHanDeviceVariant.B4));

        Page<Device> b4 = smi.list(new DeviceQuery(null, AltHanDeviceVariant.B4, null, null, null, 0, 50));
        Page<Device> north = smi.list(new DeviceQuery(DeviceType.ESME, null, Region.NORTH, null, null, 0, 50));

        assertThat(b4.items()).extracting(Device::deviceId).containsExactly("00-DB-12-34-56-78-9A-A7");
        assertThat(north.total()).isEqualTo(1);
        assertThat(north.items()).singleElement().satisfies(d -> {
            assertThat(d.region()).isEqualTo(Region.NORTH);
            assertThat(d.importSupplier()).isEqualTo("SUPPLIER-A");
        });
        assertThat(smi.list(new DeviceQuery(null, null, null, null, null, 1, 2)).items()).hasSize(2);
        assertThat(smi.list(new DeviceQuery(null, null, null, null, null, 0, 500)).total()).as("seven estate devices and the bridge").isEqualTo(8);
    }
}
