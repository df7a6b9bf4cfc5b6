package org.secflow.plugins.cspnorth;

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

/** What is csp-north's own: its id, regions, SM WAN and defaults; the relay itself is tested in sm-wan. */
class CspNorthFactoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void isFoundByTheServiceLoaderWithItsFactory() {
        assertThat(ServiceLoader.load(Plugin.class)).singleElement().satisfies(plugin -> {
            assertThat(plugin.id()).isEqualTo("csp-north");
            assertThat(plugin.version()).isEqualTo("0.1.0");
            assertThat(plugin.spiVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(plugin.cspFactories()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("csp-north");
                assertThat(f.supportedRegions()).isEqualTo(Set.of(Region.NORTH));
            });
        });
    }

    @Test
    void defaultsToALatencyOf150MsAndNoFailures() {
        assertThat(new CspNorthFactory().settings(Map.of())).isEqualTo(new SmWanSettings(150, 0, 0, 0));
    }

    @Test
    void saysItCarriesCommandsOverLongRangeRadio() throws Exception {
        try (FakeProviderContext context = new FakeProviderContext(CspNorthFactory.ID).with("latencyMs", "0")
                .withNetwork(new FakeCommsHubNetwork())) {
            RecordingListener listener = new RecordingListener();
            new CspNorthFactory().create(context).send(new CommsHubCommand("c1", "CS08", DeviceId.parse("00-DB-12-34-56-78-90-A0"),
                    DeviceId.parse("00-DB-12-34-56-78-90-B1"), Region.NORTH, Map.of(), null), listener);
            assertThat(listener.await(Stage.ACCEPTED_BY_CSP, TIMEOUT).data())
                    .containsEntry("csp", "csp-north").containsEntry("smWan", "long-range radio");
        }
    }
}
