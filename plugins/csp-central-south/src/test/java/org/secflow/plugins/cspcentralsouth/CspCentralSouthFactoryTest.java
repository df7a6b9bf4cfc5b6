package org.secflow.plugins.cspcentralsouth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secflow.plugins.smwan.SmWanSettings;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Plugin;
import org.secflow.spi.Region;
import org.secflow.spi.SpiVersion;
import org.secflow.testkit.FakeCommsHubNetwork;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

/** What is csp-central-south's own: its id, regions, SM WAN and defaults; the relay itself is tested in sm-wan. */
class CspCentralSouthFactoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
    void defaultsToALatencyOf100MsAndNoFailures() {
        assertThat(new CspCentralSouthFactory().settings(Map.of())).isEqualTo(new SmWanSettings(100, 0, 0, 0));
    }

    @Test
    void saysItCarriesCommandsOverCellular() throws Exception {
        try (FakeProviderContext context = new FakeProviderContext(CspCentralSouthFactory.ID).with("latencyMs", "0")
                .withNetwork(new FakeCommsHubNetwork())) {
            RecordingListener listener = new RecordingListener();
            new CspCentralSouthFactory().create(context).send(new CommsHubCommand("c1", "CS08", DeviceId.parse("00-DB-12-34-56-78-90-C0"),
                    DeviceId.parse("00-DB-12-34-56-78-90-B1"), Region.SOUTH, Map.of(), null), listener);
            assertThat(listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT).data())
                    .containsEntry("csp", "csp-central-south").containsEntry("smWan", "cellular");
        }
    }

    @Test
    void refusesANorthCommandNamingTheRegion() throws Exception {
        try (FakeProviderContext context = new FakeProviderContext(CspCentralSouthFactory.ID)
                .withNetwork(new FakeCommsHubNetwork())) {
            RecordingListener listener = new RecordingListener();
            new CspCentralSouthFactory().create(context).send(new CommsHubCommand("c1", "CS08",
                    DeviceId.parse("00-DB-12-34-56-78-90-C0"), DeviceId.parse("00-DB-12-34-56-78-90-C1"),
                    Region.NORTH, Map.of(), null), listener);
            assertThat(listener.await(Stage.FAILED, TIMEOUT).data().get("reason"))
                    .isEqualTo("csp-central-south does not serve region NORTH; it serves [CENTRAL, SOUTH]");
        }
    }
}
