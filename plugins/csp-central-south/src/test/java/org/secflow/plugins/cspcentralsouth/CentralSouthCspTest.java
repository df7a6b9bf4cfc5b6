package org.secflow.plugins.cspcentralsouth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Plugin;
import org.secflow.spi.Region;
import org.secflow.spi.SpiVersion;
import org.secflow.testkit.FakeCommsHubNetwork;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

class CentralSouthCspTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final DeviceId HUB = DeviceId.parse("00-DB-12-34-56-78-90-C0");
    private static final DeviceId PPMID = DeviceId.parse("00-DB-12-34-56-78-90-C1");
    private final List<FakeProviderContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(FakeProviderContext::close);
    }

    private Csp csp(FakeCommsHubNetwork network, Map<String, String> config) {
        FakeProviderContext context = new FakeProviderContext(CspCentralSouthFactory.ID).withNetwork(network);
        config.forEach(context::with);
        contexts.add(context);
        return new CspCentralSouthFactory().create(context);
    }

    private static CommsHubCommand readVersion(String id, Region region) {
        return new CommsHubCommand(id, "CS08", HUB, PPMID, region, Map.of(), null);
    }

    @Test
    void isFoundByTheServiceLoaderWithItsFactory() {
        assertThat(ServiceLoader.load(Plugin.class)).singleElement().satisfies(plugin -> {
            assertThat(plugin.id()).isEqualTo("csp-central-south");
            assertThat(plugin.version()).isEqualTo("0.1.0");
            assertThat(plugin.spiVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(plugin.cspFactories()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("csp-central-south");
                assertThat(f.supportedRegions()).isEqualTo(Set.of(Region.CENTRAL, Region.SOUTH));
            });
        });
    }

    @Test
    void saysItCarriesCommandsOverCellular() throws Exception {
        RecordingListener listener = new RecordingListener();
        csp(new FakeCommsHubNetwork(), Map.of("latencyMs", "0")).send(readVersion("c1", Region.SOUTH), listener);
        assertThat(listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT).data())
                .containsEntry("csp", "csp-central-south").containsEntry("smWan", "cellular");
    }

    @Test
    void refusesANorthCommandNamingTheRegion() throws Exception {
        RecordingListener listener = new RecordingListener();
        csp(new FakeCommsHubNetwork(), Map.of()).send(readVersion("c1", Region.NORTH), listener);
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason"))
                .isEqualTo("csp-central-south does not serve region NORTH; it serves [CENTRAL, SOUTH]");
    }

    @Test
    void failsEveryCommandAtAFailureRateOfOne() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        RecordingListener listener = new RecordingListener();
        csp(network, Map.of("latencyMs", "0", "failureRate", "1")).send(readVersion("c1", Region.CENTRAL), listener);
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data()).containsEntry("reason", "SM WAN delivery failure");
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void losesTheSameCommandsForTheSameSeedAndOthersForAnother() throws Exception {
        Map<String, String> config = Map.of("latencyMs", "0", "jitterMs", "3", "failureRate", "0.5", "seed", "42");
        List<String> first = failedCommandIds(csp(new FakeCommsHubNetwork(), config));
        List<String> second = failedCommandIds(csp(new FakeCommsHubNetwork(), config));
        Map<String, String> otherSeed = Map.of("latencyMs", "0", "failureRate", "0.5", "seed", "43");
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
        csp.send(readVersion("c1", Region.CENTRAL), listener);
        listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT);
        csp.close();
        assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason")).contains("closed");
        assertThat(network.delivered()).isEmpty();
    }
}
