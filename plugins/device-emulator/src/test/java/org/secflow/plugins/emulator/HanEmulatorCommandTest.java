package org.secflow.plugins.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.testkit.EstateFixtures.cs05c;
import static org.secflow.testkit.EstateFixtures.cs08;
import static org.secflow.testkit.EstateFixtures.find;
import static org.secflow.testkit.EstateFixtures.generate;
import static org.secflow.testkit.EstateFixtures.imageFor;
import static org.secflow.testkit.EstateFixtures.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.secflow.testkit.EstateFixtures;
import org.secflow.testkit.EstateFixtures.Located;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

/** How the emulator answers GBCS commands beyond the conformance suite: TCSO, failure rate, first contact, refusals. */
class HanEmulatorCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final List<FakeProviderContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(FakeProviderContext::close);
    }

    private DeviceEmulator emulator(Map<String, String> config) {
        FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID);
        contexts.add(context);
        config.forEach(context::with);
        return new HanEmulatorFactory().create(context);
    }

    private static DeviceEvent transferAlert(DeviceEmulator emulator, CommsHubCommand command) throws Exception {
        RecordingListener listener = new RecordingListener();
        emulator.deliver(command, listener);
        return listener.await(e -> e.stage() == Stage.FAILED || e.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE
                || e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
    }

    private static String readVersion(DeviceEmulator emulator, CommsHubCommand cs08) throws Exception {
        RecordingListener listener = new RecordingListener();
        emulator.deliver(cs08, listener);
        return listener.await(Stage.DEVICE_RESPONSE, TIMEOUT).data().get("firmwareVersion");
    }

    @Test
    void makesATcsoReclassifiedBridgeDiscardTheImageAndKeepItsVersion() throws Exception {
        DeviceEmulator emulator = emulator(Map.of("altHanShare", "0.5", "tcsoShare", "1", "latencyMs", "1"));
        Located bridge = find(generate(emulator, request(50, 1)), EmulatedDevice::isAltHanBridge).orElseThrow();
        assertThat(bridge.device().tcsoReclassified()).isTrue();

        DeviceEvent alert = transferAlert(emulator, cs05c("c1", bridge, imageFor(bridge.device(), "9.0.0")));

        assertThat(alert.alert()).isEqualTo(GbcsAlert.FIRMWARE_TRANSFER_FAILURE);
        assertThat(alert.data()).containsEntry("reason", "IMAGE_DISCARDED");
        assertThat(readVersion(emulator, cs08("c2", bridge))).isEqualTo(bridge.device().firmwareVersion());
    }

    @Test
    void failsTransfersAtTheConfiguredRateWithFileTransferFailure() throws Exception {
        DeviceEmulator emulator = emulator(Map.of("transferFailureRate", "1", "tcsoShare", "0", "latencyMs", "1"));
        Located ppmid = find(generate(emulator, request(200, 2)), d -> d.type() == DeviceType.PPMID).orElseThrow();

        DeviceEvent alert = transferAlert(emulator, cs05c("c1", ppmid, imageFor(ppmid.device(), "9.0.0")));

        assertThat(alert.alert().hex()).isEqualTo("0x8F89");
        assertThat(alert.data()).containsEntry("reason", "FILE_TRANSFER_FAILURE");
    }

    @Test
    void emulatesADeviceItDidNotGenerateOnFirstContact() throws Exception {
        DeviceEmulator emulator = emulator(Map.of("latencyMs", "1"));
        DeviceId ppmid = DeviceId.parse("00-DB-12-34-56-78-90-A0");
        DeviceId hub = DeviceId.parse("00-DB-12-34-56-78-90-A1");
        FirmwareImage image = new FirmwareImage("Any", "ANY-MODEL", "3.1.4", EstateFixtures.TEST_SHA256,
                java.util.Set.of(DeviceType.PPMID));

        assertThat(readVersion(emulator, command("c1", "CS08", hub, ppmid, null))).isEqualTo(HanRegistry.FIRST_CONTACT_FIRMWARE);
        DeviceEvent alert = transferAlert(emulator, command("c2", "CS05c", hub, ppmid, image));
        assertThat(alert.alert()).isEqualTo(GbcsAlert.FIRMWARE_ACTIVATION);
        assertThat(readVersion(emulator, command("c3", "CS08", hub, ppmid, null))).isEqualTo("3.1.4");
    }

    @Test
    void knowsADeviceAnotherEmulatorGeneratedFromItsDeviceId() throws Exception {
        Map<String, String> config = Map.of("altHanShare", "0.5", "tcsoShare", "0.3", "latencyMs", "1");
        List<EmulatedPremises> estate = generate(emulator(config), request(100, 3));
        DeviceEmulator elsewhere = emulator(config);
        Located tcso = find(estate, EmulatedDevice::tcsoReclassified).orElseThrow();
        Located bridge = find(estate, d -> d.isAltHanBridge() && !d.tcsoReclassified()).orElseThrow();

        assertThat(readVersion(elsewhere, cs08("c1", bridge))).isEqualTo(bridge.device().firmwareVersion());
        assertThat(transferAlert(elsewhere, cs05c("c2", tcso, imageFor(tcso.device(), "9.0.0"))).data())
                .containsEntry("reason", "IMAGE_DISCARDED");
        FirmwareImage otherModel = new FirmwareImage("x", "OTHER", "9.0.0", EstateFixtures.TEST_SHA256,
                java.util.Set.of(DeviceType.PPMID));
        assertThat(transferAlert(elsewhere, cs05c("c3", bridge, otherModel)).data())
                .containsEntry("reason", "HARDWARE_VERSION_MISMATCH");
    }

    @Test
    void refusesACommandNamingAHubTheDeviceIsNotOn() throws Exception {
        DeviceEmulator emulator = emulator(Map.of("latencyMs", "1"));
        List<EmulatedPremises> estate = generate(emulator, request(200, 4));
        Located ppmid = find(estate, d -> d.type() == DeviceType.PPMID).orElseThrow();
        DeviceId otherHub = estate.stream().map(p -> p.commsHub().chf().deviceId())
                .filter(id -> !id.equals(ppmid.premises().commsHub().chf().deviceId())).findFirst().orElseThrow();

        DeviceEvent failed = transferAlert(emulator, command("c1", "CS08", otherHub, ppmid.device().deviceId(), null));

        assertThat(failed.stage()).isEqualTo(Stage.FAILED);
        assertThat(failed.data().get("reason")).contains("is not on the HAN of Communications Hub " + otherHub);
    }

    @Test
    void refusesAFirmwareImageForAMeterThroughCs05c() throws Exception {
        DeviceEmulator emulator = emulator(Map.of("latencyMs", "1"));
        Located esme = find(generate(emulator, request(20, 5)), d -> d.type() == DeviceType.ESME).orElseThrow();

        DeviceEvent failed = transferAlert(emulator, cs05c("c1", esme, imageFor(esme.device(), "9.0.0")));

        assertThat(failed.stage()).isEqualTo(Stage.FAILED);
        assertThat(failed.data().get("reason")).contains("applies to a PPMID").contains("ESME");
    }

    @Test
    void failsEveryCommandAtOnceAfterClose() throws Exception {
        DeviceEmulator emulator = emulator(Map.of());
        Located ppmid = find(generate(emulator, request(200, 6)), d -> d.type() == DeviceType.PPMID).orElseThrow();
        emulator.close();
        RecordingListener listener = new RecordingListener();

        emulator.deliver(cs08("c1", ppmid), listener);

        assertThat(listener.events()).singleElement().satisfies(e -> {
            assertThat(e.stage()).isEqualTo(Stage.FAILED);
            assertThat(e.data().get("reason")).contains("closed");
        });
    }

    private static CommsHubCommand command(String id, String useCase, DeviceId hub, DeviceId device, FirmwareImage image) {
        return new CommsHubCommand(id, useCase, hub, device, Region.SOUTH, Map.of(), image);
    }
}
