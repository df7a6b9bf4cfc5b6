package org.secflow.plugins.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.Plugin;
import org.secflow.spi.SpiVersion;
import org.secflow.testkit.DeviceEmulatorConformanceTest;
import org.secflow.testkit.FakeProviderContext;

/** The device-emulator plugin passes the testkit conformance suite, is discoverable and validates its configuration. */
class DeviceEmulatorPluginTest extends DeviceEmulatorConformanceTest {

    @Override
    protected DeviceEmulatorFactory factory() {
        return new HanEmulatorFactory();
    }

    @Test
    void isFoundByServiceLoaderWithOneDeviceEmulatorFactory() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(plugins).singleElement().satisfies(plugin -> {
            assertThat(plugin.id()).isEqualTo("device-emulator");
            assertThat(plugin.version()).isEqualTo("0.1.0");
            assertThat(SpiVersion.incompatibility(plugin.spiVersion())).isNull();
            assertThat(plugin.deviceEmulatorFactories()).extracting(DeviceEmulatorFactory::id)
                    .containsExactly("device-emulator");
            assertThat(plugin.dspFactories()).isEmpty();
            assertThat(plugin.cspFactories()).isEmpty();
        });
    }

    @Test
    void usesRealisticDefaultsWithoutConfiguration() {
        EmulatorSettings defaults = EmulatorSettings.defaults();
        assertThat(defaults.altHanShare()).isEqualTo(0.03);
        assertThat(defaults.transferFailureRate()).isZero();
        assertThat(defaults.latencyMs()).isEqualTo(20);
        assertThat(defaults.batteryPoweredVariant()).hasToString("B4");
    }

    @Test
    void readsEveryDocumentedKey() {
        EmulatorSettings s = EmulatorSettings.from(Map.ofEntries(
                Map.entry("altHanShare", "0.5"), Map.entry("prepaymentShare", "0.2"), Map.entry("tcsoShare", "0.1"),
                Map.entry("transferFailureRate", "0.05"), Map.entry("latencyMs", "0"),
                Map.entry("electricityOnlyShare", "0.3"), Map.entry("gasOnlyShare", "0.1"), Map.entry("ihdShare", "1"),
                Map.entry("hcalcsShare", "0.2"), Map.entry("cadShare", "0.3"), Map.entry("batteryPoweredVariant", "b2")));
        assertThat(s).isEqualTo(new EmulatorSettings(0.5, 0.2, 0.1, 0.05, 0, 0.3, 0.1, 1.0, 0.2, 0.3,
                org.secflow.spi.AltHanDeviceVariant.B2));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "altHanShare, 1.5",
        "altHanShare, -0.1",
        "altHanShare, lots",
        "altHanShare, NaN",
        "prepaymentShare, 2",
        "tcsoShare, x",
        "transferFailureRate, 1.01",
        "latencyMs, -1",
        "latencyMs, 20ms",
        "latencyMs, 600000",
        "batteryPoweredVariant, B5",
        "gasOnlyShare, 0.9",
        "altHANShare, 0.03",
    })
    void refusesABadConfigurationValueNamingTheKey(String key, String value) {
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID).with(key, value)
                .with("electricityOnlyShare", "0.5")) {
            assertThatThrownBy(() -> new HanEmulatorFactory().create(context))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
    }
}
