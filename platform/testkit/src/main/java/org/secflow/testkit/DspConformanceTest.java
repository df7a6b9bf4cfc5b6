package org.secflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Dsp;
import org.secflow.spi.DspFactory;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;

/**
 * What every {@link Dsp} must do for the PPMID / Alt HAN bridge firmware flow (GBCS PPMID firmware flow; DCC Preliminary Impact Assessment for SECMP0170
 * section 4.1.1): SRV 11.4 as GBCS CS05c and SRV 11.2 as CS08, routed to the CSP of the hub's region, events
 * relayed under the request id, and at most one firmware update in progress per device. A DSP plugin's test
 * extends this and names its factory.
 *
 * <p>The DSP is created with a {@link FakeProviderContext}: three devices on three hubs (one per region), a
 * {@link FakeCsp} for North and one for Central and South. The fakes emit events only when a test tells them to.
 * A DSP must treat a firmware update as finished (0x8F8B, 0x8F89 or FAILED) before it relays the finishing event,
 * so that a User reacting to the event can send the next update.
 *
 * <p>A DSP delivers a device's 0x8F8B activation alert as DCC Alert N39: the relayed event carries data
 * {@code dccAlert} = {@code N39} (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1: "The existing DCC Alert N39 will be used to notify the
 * firmware activation of Alt HAN P2P Device"). The context's clock is a {@link MutableClock} ({@link #clock});
 * a DSP that ends an unanswered update after a configurable time says how in
 * {@link #configWithUpdateTimeout(Duration)}.
 *
 * <p>About 420 lines, kept whole: a conformance suite is the one class a plugin's test extends (as Trino's
 * {@code BaseConnectorTest}, far longer); its tests read one after another as the contract.
 */
public abstract class DspConformanceTest {
    protected static final Duration TIMEOUT = Duration.ofSeconds(5);
    protected static final DeviceId NORTH_HUB = DeviceId.parse("00-DB-00-00-00-00-01-00");
    protected static final DeviceId CENTRAL_HUB = DeviceId.parse("00-DB-00-00-00-00-02-00");
    protected static final DeviceId SOUTH_HUB = DeviceId.parse("00-DB-00-00-00-00-03-00");
    protected static final DeviceId NORTH_BRIDGE = DeviceId.parse("00-DB-00-00-00-00-01-B1");
    protected static final DeviceId CENTRAL_BRIDGE = DeviceId.parse("00-DB-00-00-00-00-02-B2");
    protected static final DeviceId SOUTH_PPMID = DeviceId.parse("00-DB-00-00-00-00-03-01");
    protected static final DeviceId UNKNOWN_DEVICE = DeviceId.parse("00-DB-FF-FF-FF-FF-FF-FF");
    protected static final FirmwareImage IMAGE = new FirmwareImage("Acme", "Bridge B2", "2.1.0", "b".repeat(64),
            Set.of(DeviceType.PPMID));
    protected static final Map<String, String> ACTIVATED = Map.of("firmwareVersion", "2.1.0", "result", "0");

    protected final MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
    protected final FakeCsp northCsp = new FakeCsp();
    protected final FakeCsp centralSouthCsp = new FakeCsp();
    protected FakeProviderContext context;
    protected Dsp dsp;
    private final AtomicInteger requestIds = new AtomicInteger();

    /** The factory under test. */
    protected abstract DspFactory factory();

    /** Configuration the DSP is created with; empty by default. */
    protected Map<String, String> config() {
        return Map.of();
    }

    /**
     * Extra configuration under which an SRV 11.4 that gets no final event (0x8F89, 0x8F8B, FAILED) stops blocking
     * the next update of its device after {@code timeout} of the host clock; null (the default) when the DSP has
     * no such setting, and the timeout test is skipped.
     */
    protected Map<String, String> configWithUpdateTimeout(Duration timeout) {
        return null;
    }

    @BeforeEach
    void createDsp() throws Exception {
        context = newContext();
        config().forEach(context::with);
        dsp = factory().create(context);
    }

    private FakeProviderContext newContext() {
        return new FakeProviderContext(factory().id()).withClock(clock)
                .withRoute(NORTH_BRIDGE, new CommsHubRoute(NORTH_HUB, Region.NORTH))
                .withRoute(CENTRAL_BRIDGE, new CommsHubRoute(CENTRAL_HUB, Region.CENTRAL))
                .withRoute(SOUTH_PPMID, new CommsHubRoute(SOUTH_HUB, Region.SOUTH))
                .withCsp(Region.NORTH, northCsp)
                .withCsp(Region.CENTRAL, centralSouthCsp)
                .withCsp(Region.SOUTH, centralSouthCsp);
    }

    @AfterEach
    void closeDsp() {
        dsp.close();
        context.close();
        extraContexts.forEach(FakeProviderContext::close);
    }

    private final List<FakeProviderContext> extraContexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** SRV 11.4 Update PPMID Firmware for {@code device} with {@link #IMAGE}, under a new request id. */
    protected ServiceRequest firmwareUpdate(DeviceId device) {
        return request("11.4", device, IMAGE);
    }

    /** SRV 11.2 Read Firmware Version for {@code device}, under a new request id. */
    protected ServiceRequest readFirmwareVersion(DeviceId device) {
        return request("11.2", device, null);
    }

    /** A request from an Import Supplier under a new request id. */
    protected ServiceRequest request(String srv, DeviceId device, FirmwareImage image) {
        return new ServiceRequest("req-" + requestIds.incrementAndGet(), srv, "USER-IS-1", "IS", device, Map.of(),
                image);
    }

    @Test
    void routesFirmwareToTheCspOfTheHubsRegion() {
        assertThat(dsp.submit(firmwareUpdate(NORTH_BRIDGE), new RecordingListener()).accepted()).isTrue();
        assertThat(dsp.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener()).accepted()).isTrue();

        assertThat(northCsp.commands()).singleElement().satisfies(c -> {
            assertThat(c.gbcsUseCase()).isEqualTo("CS05c");
            assertThat(c.commsHubId()).isEqualTo(NORTH_HUB);
            assertThat(c.deviceId()).isEqualTo(NORTH_BRIDGE);
            assertThat(c.region()).isEqualTo(Region.NORTH);
            assertThat(c.firmwareImage()).isEqualTo(IMAGE);
        });
        assertThat(centralSouthCsp.commands()).singleElement().satisfies(c -> {
            assertThat(c.commsHubId()).isEqualTo(SOUTH_HUB);
            assertThat(c.region()).isEqualTo(Region.SOUTH);
        });
    }

    @Test
    void readsTheFirmwareVersionWithCs08() {
        assertThat(dsp.submit(readFirmwareVersion(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        CommsHubCommand command = centralSouthCsp.lastCommand();
        assertThat(command.gbcsUseCase()).isEqualTo("CS08");
        assertThat(command.commsHubId()).isEqualTo(CENTRAL_HUB);
        assertThat(command.firmwareImage()).isNull();
    }

    @Test
    void relaysEventsUnderTheRequestId() throws Exception {
        ServiceRequest request = firmwareUpdate(CENTRAL_BRIDGE);
        RecordingListener listener = new RecordingListener();
        dsp.submit(request, listener);
        CommsHubCommand command = centralSouthCsp.lastCommand();
        centralSouthCsp.accept(command).deliverToHub(command)
                .alert(command, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of())
                .alert(command, GbcsAlert.FIRMWARE_ACTIVATION, ACTIVATED);

        listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(listener.events()).extracting(DeviceEvent::correlationId).containsOnly(request.requestId());
        assertThat(listener.events()).extracting(DeviceEvent::stage).containsExactly(Stage.ACCEPTED_BY_CSP,
                Stage.DELIVERED_TO_HUB, Stage.DEVICE_ALERT, Stage.DEVICE_ALERT);
        assertThat(listener.events().get(3).data()).containsAllEntriesOf(ACTIVATED).containsEntry("dccAlert", "N39");
        assertThat(listener.events()).extracting(DeviceEvent::deviceId).containsOnly(CENTRAL_BRIDGE);
    }

    @Test
    void givesEachCommandItsOwnId() {
        dsp.submit(readFirmwareVersion(NORTH_BRIDGE), new RecordingListener());
        dsp.submit(readFirmwareVersion(NORTH_BRIDGE), new RecordingListener());
        assertThat(northCsp.commands()).extracting(CommsHubCommand::commandId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void rejectsAnUnknownDevice() {
        ServiceRequestAck ack = dsp.submit(firmwareUpdate(UNKNOWN_DEVICE), new RecordingListener());
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.reason()).contains(UNKNOWN_DEVICE.value());
        assertThat(northCsp.commands()).isEmpty();
        assertThat(centralSouthCsp.commands()).isEmpty();
    }

    @Test
    void rejectsAnSrvItDoesNotSupport() {
        ServiceRequestAck ack = dsp.submit(request("99.9", NORTH_BRIDGE, null), new RecordingListener());
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.reason()).contains("99.9");
        assertThat(northCsp.commands()).isEmpty();
    }

    @Test
    void rejectsAFirmwareUpdateWithoutAnImage() {
        assertThat(dsp.submit(request("11.4", NORTH_BRIDGE, null), new RecordingListener()).accepted()).isFalse();
        assertThat(northCsp.commands()).isEmpty();
        assertThat(dsp.submit(firmwareUpdate(NORTH_BRIDGE), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void blocksASecondFirmwareUpdateWhileOneIsInProgress() {
        assertThat(dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        CommsHubCommand first = centralSouthCsp.lastCommand();
        centralSouthCsp.accept(first).deliverToHub(first).alert(first, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of());

        ServiceRequestAck second = dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener());
        assertThat(second.accepted()).isFalse();
        assertThat(second.reason()).containsIgnoringCase("in progress");
        assertThat(centralSouthCsp.commands()).hasSize(1);
    }

    @Test
    void blocksAllButOneOfManySimultaneousUpdatesOfADevice() throws Exception {
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ServiceRequestAck>> acks = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                ServiceRequest request = firmwareUpdate(NORTH_BRIDGE);
                Callable<ServiceRequestAck> submit = () -> {
                    start.await();
                    return dsp.submit(request, new RecordingListener());
                };
                acks.add(pool.submit(submit));
            }
            start.countDown();
            int accepted = 0;
            for (Future<ServiceRequestAck> ack : acks) {
                accepted += ack.get().accepted() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
            assertThat(northCsp.commands()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void allowsANewUpdateAfterActivation() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), listener);
        CommsHubCommand first = centralSouthCsp.lastCommand();
        centralSouthCsp.alert(first, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of())
                .alert(first, GbcsAlert.FIRMWARE_ACTIVATION, ACTIVATED);
        listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);

        assertThat(dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        assertThat(centralSouthCsp.commands()).hasSize(2);
    }

    @Test
    void allowsANewUpdateAfterATransferFailure() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(firmwareUpdate(NORTH_BRIDGE), listener);
        northCsp.alert(northCsp.lastCommand(), GbcsAlert.FIRMWARE_TRANSFER_FAILURE,
                Map.of("reason", "hardware version mismatch"));
        listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE, TIMEOUT);

        assertThat(dsp.submit(firmwareUpdate(NORTH_BRIDGE), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void allowsANewUpdateAfterTheCspFails() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(firmwareUpdate(SOUTH_PPMID), listener);
        centralSouthCsp.fail(centralSouthCsp.lastCommand(), "SM WAN delivery failure");
        listener.await(Stage.FAILED, TIMEOUT);

        assertThat(dsp.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void doesNotBlockUpdatesOfOtherDevices() {
        assertThat(dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        assertThat(dsp.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void readsTheFirmwareVersionWhileAnUpdateIsInProgress() {
        assertThat(dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        assertThat(dsp.submit(readFirmwareVersion(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
        assertThat(centralSouthCsp.lastCommand().gbcsUseCase()).isEqualTo("CS08");
    }

    @Test
    void deliversTheActivationAlertAsDccAlertN39() throws Exception {
        RecordingListener listener = new RecordingListener();
        ServiceRequest request = firmwareUpdate(NORTH_BRIDGE);
        dsp.submit(request, listener);
        CommsHubCommand command = northCsp.lastCommand();
        northCsp.accept(command).deliverToHub(command)
                .alert(command, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of())
                .alert(command, GbcsAlert.FIRMWARE_ACTIVATION, ACTIVATED);
        DeviceEvent activation = listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(activation.data()).containsEntry("dccAlert", "N39")
                .containsEntry("firmwareVersion", "2.1.0").containsEntry("result", "0");
        assertThat(activation.correlationId()).isEqualTo(request.requestId());
        assertThat(activation.alert().hex()).isEqualTo("0x8F8B");
    }

    @Test
    void deliversAFailedActivationAsN39WithItsResultAndEndsTheUpdate() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), listener);
        CommsHubCommand command = centralSouthCsp.lastCommand();
        centralSouthCsp.alert(command, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of())
                .alert(command, GbcsAlert.FIRMWARE_ACTIVATION, Map.of("firmwareVersion", "1.0.0", "result", "1"));
        DeviceEvent activation = listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(activation.data()).containsEntry("dccAlert", "N39").containsEntry("result", "1")
                .containsEntry("firmwareVersion", "1.0.0");
        assertThat(dsp.submit(firmwareUpdate(CENTRAL_BRIDGE), new RecordingListener()).accepted()).isTrue();
    }

    @Test
    void relaysTheBatteryStateOfAFirmwareVersionRead() throws Exception {
        RecordingListener listener = new RecordingListener();
        dsp.submit(readFirmwareVersion(NORTH_BRIDGE), listener);
        northCsp.respond(northCsp.lastCommand(), Map.of("firmwareVersion", "1.2.0", "batteryLow", "true"));
        DeviceEvent response = listener.await(Stage.DEVICE_RESPONSE, TIMEOUT);
        assertThat(response.data()).containsEntry("firmwareVersion", "1.2.0").containsEntry("batteryLow", "true");
    }

    @Test
    void allowsANewUpdateOfASilentDeviceAfterTheUpdateTimeoutButNotBefore() throws Exception {
        Map<String, String> extra = configWithUpdateTimeout(Duration.ofMinutes(30));
        org.junit.jupiter.api.Assumptions.assumeTrue(extra != null, "the DSP declares no update timeout");
        FakeProviderContext own = newContext();
        extraContexts.add(own);
        config().forEach(own::with);
        extra.forEach(own::with);
        Dsp timed = factory().create(own);
        try {
            RecordingListener first = new RecordingListener();
            assertThat(timed.submit(firmwareUpdate(SOUTH_PPMID), first).accepted()).isTrue();
            CommsHubCommand silent = centralSouthCsp.lastCommand();
            centralSouthCsp.accept(silent).deliverToHub(silent);

            clock.advance(Duration.ofMinutes(29));
            ServiceRequestAck tooSoon = timed.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener());
            assertThat(tooSoon.accepted()).isFalse();
            assertThat(tooSoon.reason()).contains(SOUTH_PPMID.toString());

            clock.advance(Duration.ofMinutes(2));
            assertThat(timed.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener()).accepted()).isTrue();

            centralSouthCsp.alert(silent, GbcsAlert.FIRMWARE_ACTIVATION, ACTIVATED);
            first.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
            assertThat(timed.submit(firmwareUpdate(SOUTH_PPMID), new RecordingListener()).accepted())
                    .as("the late end of the first update does not end the second").isFalse();
        } finally {
            timed.close();
        }
    }

    /**
     * Whether the DSP carries every SRV of the DUIS Service Request matrix with DUIS-shaped results (SPI 1.2); false
     * by default, and the tests of that contract are skipped for a DSP that carries only the firmware SRVs.
     */
    protected boolean carriesEverySrv() {
        return false;
    }

    private static final DeviceId CENTRAL_ESME = DeviceId.parse("00-DB-00-00-00-00-05-E1");

    private FakeProviderContext typedContext() {
        FakeProviderContext typed = newContext()
                .withRoute(CENTRAL_ESME, new CommsHubRoute(CENTRAL_HUB, Region.CENTRAL, DeviceType.ESME))
                .withRoute(CENTRAL_BRIDGE, new CommsHubRoute(CENTRAL_HUB, Region.CENTRAL, DeviceType.PPMID));
        config().forEach(typed::with);
        extraContexts.add(typed);
        return typed;
    }

    @Test
    void sendsEachTargetTypeItsOwnGbcsUseCaseAndRelaysADuisShapedResponse() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(carriesEverySrv(), "the DSP carries the firmware SRVs only");
        Dsp typed = factory().create(typedContext());
        try {
            RecordingListener listener = new RecordingListener();
            assertThat(typed.submit(request("11.2", CENTRAL_ESME, null), listener).accepted()).isTrue();
            CommsHubCommand command = centralSouthCsp.lastCommand();
            assertThat(command.gbcsUseCase()).isEqualTo("ECS52");
            assertThat(command.deviceType()).isEqualTo(DeviceType.ESME);
            centralSouthCsp.respond(command, Map.of("firmwareVersion", "4.0.0"));
            DeviceEvent response = listener.await(DeviceEvent.Stage.DEVICE_RESPONSE, Duration.ofSeconds(5));
            assertThat(response.data()).containsEntry(DeviceEvent.GBCS_USE_CASE, "ECS52")
                    .containsEntry(DeviceEvent.RESPONSE_CODE, DeviceEvent.SUCCESS).containsEntry("firmwareVersion", "4.0.0")
                    .containsKey(DeviceEvent.CRITICAL);
        } finally {
            typed.close();
        }
    }

    @Test
    void refusesAnSrvForADeviceTypeItDoesNotTarget() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(carriesEverySrv(), "the DSP carries the firmware SRVs only");
        Dsp typed = factory().create(typedContext());
        try {
            ServiceRequestAck ack = typed.submit(new ServiceRequest("req-typed", "11.1", "USER-IS-1", "IS",
                    CENTRAL_BRIDGE, Map.of(), IMAGE), new RecordingListener());
            assertThat(ack.accepted()).isFalse();
            assertThat(ack.reason()).contains("PPMID");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            typed.close();
        }
    }

    @Test
    void answersRequestWanMatrixWithTheCspsVariantVerbatim() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(carriesEverySrv(), "the DSP carries the firmware SRVs only");
        centralSouthCsp.withWanVariant(" ");
        RecordingListener listener = new RecordingListener();
        assertThat(dsp.submit(request("12.1", CENTRAL_BRIDGE, null), listener).accepted()).isTrue();
        DeviceEvent response = listener.await(DeviceEvent.Stage.DEVICE_RESPONSE, Duration.ofSeconds(5));
        assertThat(response.data()).containsEntry("wanVariant", " ").containsEntry(DeviceEvent.GBCS_USE_CASE, "DSP");
    }
}
