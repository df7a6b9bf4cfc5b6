package org.secflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Dsp;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.secflow.spi.ServiceRequest;
import org.secflow.testkit.EstateFixtures;
import org.secflow.testkit.EstateFixtures.Located;
import org.secflow.testkit.PluginJarBuilder;
import org.secflow.testkit.RecordingListener;

/**
 * a CSP written against the SPI jar alone (testkit fixture {@code integrator-csp}, compiled
 * during the test with only the SPI on the class path), loaded from a plugins directory beside the real
 * dsp-reference, csp-central-south and device-emulator folders (built by the plugin modules' {@code package}
 * phase), and selected for the North region by configuration, carries North's SRV 11.4 and 11.2 while the stock
 * CSP still carries Central and South: an integrator can swap a CSP.
 */
class IntegratorCspTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path plugins;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final Map<DeviceId, CommsHubRoute> inventory = new ConcurrentHashMap<>();
    private final HostServices services = new HostServices(scheduler, Clock.systemUTC(),
            device -> Optional.ofNullable(inventory.get(device)));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aCspBuiltAgainstTheSpiAloneServesTheRegionConfigurationGivesIt() throws Exception {
        for (String id : List.of("dsp-reference", "csp-central-south", "device-emulator")) {
            copyBuiltPlugin(id);
        }
        PluginJarBuilder.fixture("integrator-csp").buildInto(plugins);
        ProviderSelection selection = new ProviderSelection("dsp-reference",
                Map.of(Region.NORTH, "integrator-csp", Region.CENTRAL, "csp-central-south",
                        Region.SOUTH, "csp-central-south"),
                "device-emulator",
                Map.of("integrator-csp", Map.of("operator", "Integrator Ltd"),
                        "csp-central-south", Map.of("latencyMs", "1"),
                        "device-emulator", Map.of("altHanShare", "0.25", "tcsoShare", "0", "latencyMs", "1",
                                "transferTimeMs", "1", "activationTimeMs", "1")));

        try (PluginHost host = PluginHost.start(plugins, selection, services)) {
            assertThat(host.statuses()).filteredOn(s -> s.id().equals("integrator-csp")).singleElement()
                    .satisfies(s -> assertThat(s.state()).isEqualTo(PluginStatus.State.LOADED));
            List<EmulatedPremises> estate = EstateFixtures.generate(host.deviceEmulator().orElseThrow(),
                    EstateFixtures.request(400, 11));
            estate.forEach(p -> p.devices().forEach(d ->
                    inventory.put(d.deviceId(), new CommsHubRoute(p.commsHub().chf().deviceId(), p.region()))));
            Located north = ppmidIn(estate, Region.NORTH);
            Located central = ppmidIn(estate, Region.CENTRAL);
            Dsp dsp = host.dsp().orElseThrow();

            List<DeviceEvent> northUpdate = updateAndRead(dsp, north, "north");
            assertThat(northUpdate).allSatisfy(e -> assertThat(e.data()).containsEntry("carriedBy", "Integrator Ltd"));
            assertThat(northUpdate).filteredOn(e -> e.stage() == Stage.ACCEPTED_BY_CSP)
                    .allSatisfy(e -> assertThat(e.data()).containsEntry("csp", "integrator-csp"));
            assertThat(northUpdate).extracting(e -> e.data().get("call")).containsOnly("1", "2");

            List<DeviceEvent> centralUpdate = updateAndRead(dsp, central, "central");
            assertThat(centralUpdate).noneMatch(e -> e.data().containsKey("carriedBy"));
            assertThat(centralUpdate).filteredOn(e -> e.stage() == Stage.ACCEPTED_BY_CSP)
                    .allSatisfy(e -> assertThat(e.data()).containsEntry("csp", "csp-central-south"));
        }
    }

    /** SRV 11.4 to the device, then SRV 11.2; returns the events of both, checking the new version is read back. */
    private static List<DeviceEvent> updateAndRead(Dsp dsp, Located target, String name) throws Exception {
        RecordingListener update = new RecordingListener();
        assertThat(dsp.submit(new ServiceRequest("req-" + name + "-11.4", "11.4", "USER-IS-1", "IS",
                target.device().deviceId(), Map.of(), EstateFixtures.imageFor(target.device(), "7.7.7")), update)
                .accepted()).isTrue();
        DeviceEvent activation = update.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(activation.data()).containsEntry("result", "0").containsEntry("dccAlert", "N39");

        RecordingListener read = new RecordingListener();
        assertThat(dsp.submit(new ServiceRequest("req-" + name + "-11.2", "11.2", "USER-IS-1", "IS",
                target.device().deviceId(), Map.of(), null), read).accepted()).isTrue();
        assertThat(read.await(Stage.DEVICE_RESPONSE, TIMEOUT).data()).containsEntry("firmwareVersion", "7.7.7");
        return Stream.concat(update.events().stream(), read.events().stream()).toList();
    }

    private static Located ppmidIn(List<EmulatedPremises> estate, Region region) {
        Predicate<EmulatedDevice> ppmid = d -> EstateFixtures.takesPpmidFirmware(d) && !d.batteryPowered();
        return estate.stream().filter(p -> p.region() == region)
                .flatMap(p -> p.devices().stream().filter(ppmid).map(d -> new Located(p, d)))
                .findFirst().orElseThrow(() -> new AssertionError("no PPMID in region " + region));
    }

    /** Copies a real plugin folder built by its module ({@code plugins/<id>/target/plugin/<id>}). */
    private void copyBuiltPlugin(String id) throws IOException {
        Path modules = Path.of(System.getProperty("secflow.pluginModules", "../../plugins"));
        Path built = modules.resolve(id).resolve("target/plugin").resolve(id);
        assertThat(built).as("plugin folder built by 'mvn package' of the plugin modules").isDirectory();
        Path target = Files.createDirectories(plugins.resolve(id));
        try (Stream<Path> jars = Files.list(built)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, target.resolve(jar.getFileName()));
            }
        }
    }
}
