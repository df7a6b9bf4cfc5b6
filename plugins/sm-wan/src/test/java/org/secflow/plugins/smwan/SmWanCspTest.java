package org.secflow.plugins.smwan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.secflow.testkit.FakeCommsHubNetwork;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

class SmWanCspTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ID = "csp-test";
    private static final DeviceId HUB = DeviceId.parse("00-DB-12-34-56-78-90-A0");
    private static final DeviceId PPMID = DeviceId.parse("00-DB-12-34-56-78-90-B1");
    private final List<FakeProviderContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(FakeProviderContext::close);
    }

    private Csp csp(CommsHubNetwork network, Map<String, String> config) {
        FakeProviderContext context = new FakeProviderContext(ID);
        contexts.add(context);
        return new SmWanCsp(ID, EnumSet.of(Region.CENTRAL, Region.SOUTH), "test radio",
                SmWanSettings.from(ID, Map.of(), config), context.scheduler(), context.clock(), network);
    }

    private static CommsHubCommand readVersion(String id) {
        return readVersion(id, Region.CENTRAL);
    }

    private static CommsHubCommand readVersion(String id, Region region) {
        return new CommsHubCommand(id, "CS08", HUB, PPMID, region, Map.of(), null);
    }

    @Test
    void reportsItsIdAndSmWanOnAcceptance() throws Exception {
        RecordingListener listener = new RecordingListener();
        csp(new FakeCommsHubNetwork(), Map.of()).send(readVersion("c1", Region.SOUTH), listener);
        assertThat(listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT).data())
                .isEqualTo(Map.of("csp", ID, "smWan", "test radio"));
        listener.await(Stage.DEVICE_RESPONSE, TIMEOUT);
    }

    @Test
    void refusesACommandForAnotherRegionNamingTheRegion() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        RecordingListener listener = new RecordingListener();
        csp(network, Map.of()).send(readVersion("c1", Region.NORTH), listener);
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason"))
                .isEqualTo("csp-test does not serve region NORTH; it serves [CENTRAL, SOUTH]");
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void handsTheCommandToTheHubOnlyAfterItsLatency() throws Exception {
        RecordingListener listener = new RecordingListener();
        csp(new FakeCommsHubNetwork(), Map.of("latencyMs", "300")).send(readVersion("c1"), listener);
        DeviceEvent accepted = listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT);
        DeviceEvent delivered = listener.await(Stage.DELIVERED_TO_HUB, TIMEOUT);
        assertThat(Duration.between(accepted.at(), delivered.at())).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }

    @Test
    void failsEveryCommandAtAFailureRateOfOne() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        RecordingListener listener = new RecordingListener();
        csp(network, Map.of("failureRate", "1")).send(readVersion("c1"), listener);
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data()).containsEntry("reason", SmWanCsp.WAN_FAILURE);
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void losesTheSameCommandsForTheSameSeedAndOthersForAnother() throws Exception {
        Map<String, String> config = Map.of("jitterMs", "3", "failureRate", "0.5", "seed", "42");
        List<String> first = failedCommandIds(csp(new FakeCommsHubNetwork(), config));
        List<String> second = failedCommandIds(csp(new FakeCommsHubNetwork(), config));
        Map<String, String> otherSeed = Map.of("failureRate", "0.5", "seed", "43");
        List<String> third = failedCommandIds(csp(new FakeCommsHubNetwork(), otherSeed));
        assertThat(first).isEqualTo(second).isNotEmpty().hasSizeLessThan(40).isNotEqualTo(third);
    }

    private static List<String> failedCommandIds(Csp csp) throws Exception {
        RecordingListener listener = new RecordingListener();
        for (int i = 0; i < 40; i++) {
            csp.send(readVersion("c" + i, i % 2 == 0 ? Region.CENTRAL : Region.SOUTH), listener);
        }
        for (int i = 0; i < 40; i++) {
            String id = "c" + i;
            listener.await(e -> e.correlationId().equals(id)
                    && (e.stage() == Stage.FAILED || e.stage() == Stage.DEVICE_RESPONSE), TIMEOUT);
        }
        return listener.events().stream().filter(e -> e.stage() == Stage.FAILED)
                .map(DeviceEvent::correlationId).sorted().toList();
    }

    @Test
    void failsACommandStillWaitingWhenItCloses() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        Csp csp = csp(network, Map.of("latencyMs", "200"));
        RecordingListener listener = new RecordingListener();
        csp.send(readVersion("c1"), listener);
        listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT);
        csp.close();
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason")).contains("closed");
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void failsTheCommandWhenTheHubNetworkThrows() throws Exception {
        RecordingListener listener = new RecordingListener();
        csp((command, hubListener) -> {
            throw new IllegalStateException("hub 00-DB-12-34-56-78-90-A0 is not on the SM WAN");
        }, Map.of()).send(readVersion("c1"), listener);
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason")).contains("not on the SM WAN");
    }

    @Test
    void keepsRelayingWhenTheCallersListenerThrows() throws Exception {
        RecordingListener recorder = new RecordingListener();
        csp(new FakeCommsHubNetwork(), Map.of()).send(readVersion("c1"), event -> {
            recorder.onEvent(event);
            throw new IllegalStateException("listener bug");
        });
        recorder.await(Stage.DEVICE_RESPONSE, TIMEOUT);
    }

    @Test
    void queuesCommandsBeyondTheLimitAndFailsTheWaitingOnesWhenClosed() throws Exception {
        List<CommsHubCommand> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CommsHubNetwork silentHubs = (command, hubListener) -> delivered.add(command);
        SmWanCsp csp = (SmWanCsp) csp(silentHubs, Map.of("maxConcurrent", "2", "slotTimeoutMs", "60000"));
        RecordingListener listener = new RecordingListener();
        for (int i = 1; i <= 5; i++) {
            csp.send(readVersion("q" + i), listener);
        }
        for (int i = 1; i <= 5; i++) {
            String id = "q" + i;
            listener.await(e -> e.correlationId().equals(id) && e.stage() == Stage.ACCEPTED_BY_CSP, TIMEOUT);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(csp.inFlight()).isEqualTo(2);
        assertThat(csp.queued()).isEqualTo(3);
        csp.close();
        assertThat(listener.events()).filteredOn(e -> e.stage() == Stage.FAILED).hasSize(3)
                .allSatisfy(e -> assertThat(e.data().get("reason")).contains("waited for an SM WAN slot"));
        assertThat(delivered).hasSize(2);
    }

    @Test
    void underALimitCommandsReachTheHubsInTheOrderTheyWereSentAndEachIsAcceptedBeforeItIsCarried() throws Exception {
        // the host's scheduler has two threads: the order must come from send, not from which thread runs first
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CommsHubNetwork answeringHubs = (command, hubListener) -> {
            delivered.add(command.commandId());
            hubListener.onEvent(new DeviceEvent(command.commandId(), command.deviceId(), Stage.DEVICE_RESPONSE, null,
                    Map.of(), Instant.now()));
        };
        Csp csp = csp(answeringHubs, Map.of("maxConcurrent", "1"));
        RecordingListener listener = new RecordingListener();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add("c" + i);
            csp.send(readVersion("c" + i), listener);
        }
        for (String id : sent) {
            listener.await(e -> e.correlationId().equals(id) && e.stage() == Stage.DEVICE_RESPONSE, TIMEOUT);
        }
        assertThat(delivered).containsExactlyElementsOf(sent);
        for (String id : sent) {
            assertThat(listener.events()).filteredOn(e -> e.correlationId().equals(id)).extracting(DeviceEvent::stage)
                    .containsExactly(Stage.ACCEPTED_BY_CSP, Stage.DEVICE_RESPONSE);
        }
    }

    @Test
    void aCommandTheDspCancelsFreesItsSlotAtOnceSoASilentDeviceDelaysNoOtherCommand() throws Exception {
        List<CommsHubCommand> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CommsHubNetwork silentHubs = (command, hubListener) -> delivered.add(command);
        SmWanCsp csp = (SmWanCsp) csp(silentHubs, Map.of("maxConcurrent", "1", "slotTimeoutMs", "60000"));
        RecordingListener listener = new RecordingListener();
        csp.send(readVersion("silent"), listener);
        csp.send(readVersion("next"), listener);
        csp.send(readVersion("given-up-waiting"), listener);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while ((delivered.size() < 1 || csp.queued() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(delivered).extracting(CommsHubCommand::commandId).containsExactly("silent");

        csp.cancel("given-up-waiting"); // leaves the queue
        csp.cancel("silent");           // frees its slot now, not after slotTimeoutMs

        deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(delivered).extracting(CommsHubCommand::commandId).containsExactly("silent", "next");
        assertThat(csp.queued()).isZero();
        assertThat(listener.events()).filteredOn(e -> e.stage() == Stage.FAILED)
                .extracting(e -> e.correlationId()).containsExactlyInAnyOrder("silent", "given-up-waiting");
        csp.cancel("silent"); // again, and unknown ids: nothing
        csp.cancel("never-sent");
        assertThat(csp.inFlight()).isEqualTo(1);
    }

    @Test
    void freesASlotAtEveryFinalEventAndAtNoOther() {
        Instant at = Instant.EPOCH;
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.DELIVERED_TO_HUB, null, Map.of(), at))).isFalse();
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.DEVICE_ALERT,
                GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of(), at))).isFalse();
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.DEVICE_ALERT,
                GbcsAlert.FIRMWARE_TRANSFER_FAILURE, Map.of(), at))).isTrue();
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.DEVICE_ALERT,
                GbcsAlert.FIRMWARE_ACTIVATION, Map.of(), at))).isTrue();
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.DEVICE_RESPONSE, null, Map.of(), at))).isTrue();
        assertThat(SmWanCsp.isFinal(new DeviceEvent("c", PPMID, Stage.FAILED, null, Map.of(), at))).isTrue();
    }
}
