package org.secflow.plugins.dspreference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Plugin;
import org.secflow.spi.Region;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.secflow.spi.SpiVersion;
import org.secflow.testkit.FakeCsp;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

class ReferenceDspTest {
    private static final DeviceId HUB = DeviceId.parse("00-DB-00-00-00-00-02-00");
    private static final DeviceId BRIDGE = DeviceId.parse("00-DB-00-00-00-00-02-B3");
    private static final DeviceId ESME = DeviceId.parse("00-DB-00-00-00-00-02-E1");
    private static final FirmwareImage IMAGE = new FirmwareImage("Acme", "Bridge B3", "3.0.1", "c".repeat(64),
            Set.of(DeviceType.PPMID));

    private final FakeCsp csp = new FakeCsp();
    private final FakeProviderContext context = new FakeProviderContext(DspReferenceFactory.ID)
            .withRoute(BRIDGE, new CommsHubRoute(HUB, Region.CENTRAL))
            .withCsp(Region.CENTRAL, csp);
    private final Dsp dsp = new DspReferenceFactory().create(context);

    @AfterEach
    void close() {
        dsp.close();
        context.close();
    }

    private static ServiceRequest update(String requestId) {
        return new ServiceRequest(requestId, "11.4", "USER-GS-1", "GS", BRIDGE, Map.of(), IMAGE);
    }

    @Test
    void isFoundByTheServiceLoaderWithItsFactory() {
        assertThat(ServiceLoader.load(Plugin.class)).singleElement().satisfies(plugin -> {
            assertThat(plugin.id()).isEqualTo("dsp-reference");
            assertThat(plugin.version()).isEqualTo("0.1.0");
            assertThat(plugin.spiVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(plugin.dspFactories()).singleElement().extracting(f -> f.id()).isEqualTo("dsp-reference");
            assertThat(plugin.cspFactories()).isEmpty();
        });
    }

    @Test
    void refusesAnUpdateTimeoutThatIsNoPositiveNumberNamingTheKey() {
        for (String bad : List.of("0", "-5", "soon")) {
            try (FakeProviderContext configured = new FakeProviderContext(DspReferenceFactory.ID)
                    .with("updateTimeoutMs", bad)) {
                assertThatThrownBy(() -> new DspReferenceFactory().create(configured))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateTimeoutMs");
            }
        }
    }

    @Test
    void marksOnlyTheActivationAlertAsN39() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(update("r-n39"), listener);
        CommsHubCommand command = csp.lastCommand();
        csp.accept(command).deliverToHub(command)
                .alert(command, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of())
                .alert(command, GbcsAlert.FIRMWARE_ACTIVATION, Map.of("firmwareVersion", "3.0.1", "result", "0"));
        listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, java.time.Duration.ofSeconds(5));
        assertThat(listener.events()).hasSize(4).filteredOn(e -> e.data().containsKey("dccAlert"))
                .extracting(e -> e.alert()).containsExactly(GbcsAlert.FIRMWARE_ACTIVATION);
    }

    @Test
    void refusesAnUnknownConfigurationKey() {
        FakeProviderContext configured = new FakeProviderContext(DspReferenceFactory.ID).with("maxInProgress", "2");
        try {
            assertThatThrownBy(() -> new DspReferenceFactory().create(configured))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInProgress");
        } finally {
            configured.close();
        }
    }

    @Test
    void saysAnUnknownDeviceIsNotInTheInventory() {
        DeviceId unknown = DeviceId.parse("00-DB-00-00-00-00-09-99");
        ServiceRequestAck ack = dsp.submit(new ServiceRequest("r1", "11.2", "USER-GS-1", "GS", unknown, Map.of(),
                null), new RecordingListener());
        assertThat(ack).isEqualTo(ServiceRequestAck.rejected("r1", "device 00-DB-00-00-00-00-09-99 is not in the"
                + " Smart Metering Inventory or has no Communications Hub"));
    }

    @Test
    void refusesAnSrvOutsideTheDuisMatrixAndLeavesTheSmiSrvsToTheHost() {
        assertThat(dsp.submit(new ServiceRequest("r1", "99.9", "USER-GS-1", "GS", BRIDGE, Map.of(), null),
                new RecordingListener()).reason()).isEqualTo("SRV 99.9 is not supported by dsp-reference: it is not in"
                + " the DUIS Service Request matrix");
        assertThat(dsp.submit(new ServiceRequest("r2", "8.2", "USER-GS-1", "GS", BRIDGE, Map.of(), null),
                new RecordingListener()).reason()).contains("Smart Metering Inventory");
    }

    @Test
    void namesTheUpdateInProgressWhenBlocking() {
        dsp.submit(update("r1"), new RecordingListener());
        assertThat(dsp.submit(update("r2"), new RecordingListener()).reason()).isEqualTo("firmware update of device"
                + " 00-DB-00-00-00-00-02-B3 is blocked: firmware update r1 is already in progress for it");
    }

    @Test
    void endsAnUpdateOnAFailedActivationToo() {
        dsp.submit(update("r1"), new RecordingListener());
        csp.alert(csp.lastCommand(), GbcsAlert.FIRMWARE_ACTIVATION, Map.of("firmwareVersion", "2.0.0", "result", "1"));
        assertThat(dsp.submit(update("r2"), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void keepsANewerUpdateBlockingWhenAnOlderOneReportsLate() {
        dsp.submit(update("r1"), new RecordingListener());
        CommsHubCommand first = csp.lastCommand();
        csp.alert(first, GbcsAlert.FIRMWARE_ACTIVATION, Map.of("firmwareVersion", "3.0.1", "result", "0"));
        dsp.submit(update("r2"), new RecordingListener());
        csp.fail(first, "late duplicate");
        assertThat(dsp.submit(update("r3"), new RecordingListener()).reason()).contains("r2 is already in progress");
    }

    @Test
    void rejectsARegionWithoutACspAndDoesNotBlockTheDevice() {
        FakeProviderContext noCsp = new FakeProviderContext(DspReferenceFactory.ID)
                .withRoute(BRIDGE, new CommsHubRoute(HUB, Region.CENTRAL));
        try {
            Dsp other = new DspReferenceFactory().create(noCsp);
            assertThat(other.submit(update("r1"), new RecordingListener()).reason())
                    .startsWith("no CSP serves region CENTRAL of device 00-DB-00-00-00-00-02-B3");
            noCsp.withCsp(Region.CENTRAL, csp);
            assertThat(other.submit(update("r2"), new RecordingListener()).accepted()).isTrue();
        } finally {
            noCsp.close();
        }
    }

    @Test
    void rejectsWhatTheCspRefusesAndDoesNotBlockTheDevice() {
        context.withCsp(Region.CENTRAL, (command, listener) -> {
            throw new IllegalStateException("SM WAN Gateway unavailable");
        });
        assertThat(dsp.submit(update("r1"), new RecordingListener()).reason())
                .contains("CENTRAL").contains("SM WAN Gateway unavailable");
        context.withCsp(Region.CENTRAL, csp);
        assertThat(dsp.submit(update("r2"), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void endsTheUpdateEvenWhenTheUsersListenerThrows() {
        dsp.submit(update("r1"), event -> {
            throw new IllegalStateException("listener bug");
        });
        csp.alert(csp.lastCommand(), GbcsAlert.FIRMWARE_ACTIVATION, Map.of("firmwareVersion", "3.0.1", "result", "0"));
        assertThat(dsp.submit(update("r2"), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void passesThePayloadToTheCommandOfTheTargetsGbcsUseCase() {
        context.withRoute(ESME, new CommsHubRoute(HUB, Region.CENTRAL, DeviceType.ESME));
        assertThat(dsp.submit(new ServiceRequest("r1", "2.2", "USER-GS-1", "GS", ESME, Map.of("amountPence", "500"),
                null), new RecordingListener()).accepted()).isTrue();
        assertThat(csp.lastCommand().gbcsUseCase()).isEqualTo("CS01a");
        assertThat(csp.lastCommand().deviceType()).isEqualTo(DeviceType.ESME);
        assertThat(csp.lastCommand().parameters()).containsEntry("amountPence", "500");
    }

    @Test
    void refusesAPayloadThatDoesNotFitTheSrvsSchemaNamingTheField() {
        context.withRoute(ESME, new CommsHubRoute(HUB, Region.CENTRAL, DeviceType.ESME));
        assertThat(dsp.submit(new ServiceRequest("r1", "2.2", "USER-GS-1", "GS", ESME, Map.of(), null),
                new RecordingListener()).reason()).contains("payload.amountPence (int) is required");
        assertThat(dsp.submit(new ServiceRequest("r2", "2.2", "USER-GS-1", "GS", ESME, Map.of("amountPence", "lots"),
                null), new RecordingListener()).reason()).contains("payload.amountPence must be of type int");
        assertThat(dsp.submit(new ServiceRequest("r3", "2.2", "USER-GS-1", "GS", ESME, Map.of("amountPence", "1",
                "colour", "red"), null), new RecordingListener()).reason()).contains("payload.colour is not a field");
        assertThat(csp.commands()).isEmpty();
    }

    @Test
    void letsAnSrvWithoutPayloadFieldsCarryTheHostsCampaignId() {
        assertThat(dsp.submit(new ServiceRequest("r1", "11.2", "USER-GS-1", "GS", BRIDGE, Map.of("campaignId", "c-1"),
                null), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void readsTheFirmwareVersionOfEachTargetTypeWithItsOwnUseCase() {
        context.withRoute(ESME, new CommsHubRoute(HUB, Region.CENTRAL, DeviceType.ESME));
        dsp.submit(new ServiceRequest("r1", "11.2", "USER-GS-1", "GS", ESME, Map.of(), null), new RecordingListener());
        assertThat(csp.lastCommand().gbcsUseCase()).isEqualTo("ECS52");
    }

    @Test
    void refusesUpdateFirmwareToAnAltHanBridge() {
        context.withRoute(BRIDGE, new CommsHubRoute(HUB, Region.CENTRAL, DeviceType.PPMID));
        assertThat(dsp.submit(new ServiceRequest("r1", "11.1", "USER-GS-1", "GS", BRIDGE, Map.of(), IMAGE),
                new RecordingListener()).reason()).contains("cannot target").contains("PPMID");
    }

    @Test
    void runsAFutureDatedRequestAtItsExecutionDateTime() throws Exception {
        context.withRoute(ESME, new CommsHubRoute(HUB, Region.CENTRAL, DeviceType.ESME));
        String at = java.time.Instant.now().plusMillis(300).toString();
        assertThat(dsp.submit(new ServiceRequest("r1", "3.1", "USER-GS-1", "GS", ESME, Map.of("message", "hello",
                ServiceRequest.EXECUTION_DATE_TIME, at), null), new RecordingListener()).accepted()).isTrue();
        assertThat(csp.commands()).isEmpty();
        Thread.sleep(800);
        assertThat(csp.lastCommand().gbcsUseCase()).isEqualTo("ECS10");
        assertThat(csp.lastCommand().parameters()).containsOnlyKeys("message");
    }

    @Test
    void answersRequestWanMatrixItselfAndSaysUnknownForTheSpaceOfCentralAndSouth() throws Exception {
        csp.withWanVariant(" ");
        RecordingListener listener = new RecordingListener();
        dsp.submit(new ServiceRequest("r1", "12.1", "USER-GS-1", "GS", BRIDGE, Map.of(), null), listener);
        var response = listener.await(org.secflow.spi.DeviceEvent.Stage.DEVICE_RESPONSE, java.time.Duration.ofSeconds(5));
        assertThat(response.data()).containsEntry("wanVariant", " ").containsEntry("wanVariantReadAs", "Unknown")
                .containsEntry("gbcsUseCase", "DSP").containsEntry("responseCode", "I0");
        assertThat(csp.commands()).isEmpty();
    }

    @Test
    void rejectsEverythingOnceClosed() {
        dsp.close();
        assertThat(dsp.submit(update("r1"), new RecordingListener()).reason()).isEqualTo("dsp-reference is closed");
        assertThat(csp.commands()).isEmpty();
    }
}
