package org.secflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.Plugin;
import org.secflow.spi.Region;
import org.secflow.testkit.PluginJarBuilder;

class PluginHostTest {
    @TempDir
    Path plugins;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HostServices services = new HostServices(scheduler, Clock.systemUTC(), device -> Optional.empty());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static Path picocli463() throws IOException {
        Path dir = Path.of(System.getProperty("secflow.fixtureLibs", "target/fixture-libs"));
        return dir.resolve("picocli-4.6.3.jar");
    }

    private static ProviderSelection emulatorOnly(String id) {
        return new ProviderSelection(null, Map.of(), id, Map.of());
    }

    @Test
    void loadsAPluginCarryingItsOwnVersionOfALibraryThePlatformAlsoUses() throws IOException {
        PluginJarBuilder.fixture("isolated-library").library(picocli463()).buildInto(plugins);

        try (PluginHost host = PluginHost.start(plugins, emulatorOnly("isolated-emulator"), services)) {
            PluginStatus status = host.statuses().get(0);
            assertThat(status.state()).isEqualTo(PluginStatus.State.LOADED);
            assertThat(status.providers()).singleElement().satisfies(p -> {
                assertThat(p.description()).isEqualTo("picocli 4.6.3");
                assertThat(p.selectedFor()).containsExactly("deviceEmulator");
            });
            assertThat(picocli.CommandLine.VERSION).as("the platform's own picocli").startsWith("4.7");

            var guarded = (GuardedProviders.GuardedDeviceEmulator) host.deviceEmulator().orElseThrow();
            ClassLoader pluginLoader = guarded.delegate().getClass().getClassLoader();
            assertThat(pluginLoader).isInstanceOf(PluginClassLoader.class);
            assertThat(load("org.secflow.spi.Plugin", pluginLoader)).as("SPI shared with the host").isSameAs(Plugin.class);
            assertThat(load("org.slf4j.Logger", pluginLoader)).isSameAs(org.slf4j.Logger.class);
            assertThat(load("picocli.CommandLine", pluginLoader)).as("library stays private")
                    .isNotSameAs(picocli.CommandLine.class);
        }
    }

    @Test
    void refusesAPluginBuiltForAnIncompatibleSpiVersionAndShowsWhy() throws IOException {
        PluginJarBuilder.fixture("incompatible-spi").buildInto(plugins);
        PluginJarBuilder.fixture("isolated-library").library(picocli463()).buildInto(plugins);

        try (PluginHost host = PluginHost.start(plugins, emulatorOnly("isolated-emulator"), services)) {
            assertThat(host.statuses()).filteredOn(s -> s.id().equals("csp-future")).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(PluginStatus.State.REFUSED);
                assertThat(s.reason()).contains("incompatible SPI version").contains("2.0").contains(org.secflow.spi.SpiVersion.CURRENT);
            });
            assertThat(host.statuses()).filteredOn(s -> s.id().equals("isolated-library"))
                    .extracting(PluginStatus::state).containsExactly(PluginStatus.State.LOADED);
        }
    }

    @Test
    void stopsStartUpNamingTheProviderWhenItsInitialisationThrows() throws IOException {
        PluginJarBuilder.fixture("failing-init").buildInto(plugins);
        ProviderSelection selection = new ProviderSelection(null, Map.of(Region.NORTH, "csp-failing"), null, Map.of());

        assertThatThrownBy(() -> PluginHost.start(plugins, selection, services))
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("csp-failing").hasMessageContaining("endpoint")
                .satisfies(e -> assertThat(((PluginConfigurationException) e).statuses()).singleElement().satisfies(s -> {
                    assertThat(s.state()).isEqualTo(PluginStatus.State.REFUSED);
                    assertThat(s.reason()).contains("initialisation of provider csp-failing failed");
                }));
    }

    @Test
    void initialisesAProviderFromItsConfiguration() throws IOException {
        PluginJarBuilder.fixture("failing-init").buildInto(plugins);
        ProviderSelection selection = new ProviderSelection(null, Map.of(Region.NORTH, "csp-failing"), null,
                Map.of("csp-failing", Map.of("endpoint", "https://csp.example/north")));

        try (PluginHost host = PluginHost.start(plugins, selection, services)) {
            assertThat(host.csps().forRegion(Region.NORTH)).isNotNull();
            assertThat(host.statuses().get(0).providers().get(0).selectedFor()).containsExactly("csp.NORTH");
        }
    }

    @Test
    void stopsStartUpWhenTheConfiguredProviderIsMissingAndListsTheCandidates() throws IOException {
        PluginJarBuilder.fixture("isolated-library").library(picocli463()).buildInto(plugins);

        assertThatThrownBy(() -> PluginHost.start(plugins, emulatorOnly("device-emulator"), services))
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("'device-emulator'")
                .hasMessageContaining("candidates: [isolated-emulator]");
    }

    @Test
    void refusesACspConfiguredForARegionItDoesNotServe() throws IOException {
        PluginJarBuilder.fixture("failing-init").buildInto(plugins);
        ProviderSelection selection = new ProviderSelection(null, Map.of(Region.SOUTH, "csp-failing"), null,
                Map.of("csp-failing", Map.of("endpoint", "x")));

        assertThatThrownBy(() -> PluginHost.start(plugins, selection, services))
                .hasMessageContaining("region SOUTH").hasMessageContaining("serves only [NORTH]");
    }

    @Test
    void refusesAFolderWithoutAPlugin() throws IOException {
        Files.createDirectories(plugins.resolve("empty"));
        Files.writeString(plugins.resolve("empty/readme.txt"), "not a plugin");

        try (PluginHost host = PluginHost.start(plugins, new ProviderSelection(null, Map.of(), null, Map.of()), services)) {
            assertThat(host.statuses()).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(PluginStatus.State.REFUSED);
                assertThat(s.reason()).isEqualTo("no jar in the plugin folder");
            });
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
