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

    @Override
    protected boolean answersEveryDeviceSrv() {
        return true;
    }

    @Override
    protected Map<String, String> configFor(Behaviour behaviour) {
        Map<String, String> fast = Map.of("latencyMs", "1", "transferTimeMs", "1", "activationTimeMs", "1");
        Map<String, String> extra = switch (behaviour) {
            case EVERY_FILE_TRANSFER_FAILS -> Map.of("fileTransferFailureRate", "1");
            case NOTHING_FAILS -> Map.of("fileTransferFailureRate", "0", "activationFailureRate", "0",
                    "noAnswerRate", "0", "lowBatteryRate", "0");
            case EVERY_ACTIVATION_FAILS -> Map.of("activationFailureRate", "1");
            case NO_DEVICE_ANSWERS -> Map.of("noAnswerRate", "1");
            case BATTERY_ALWAYS_LOW -> Map.of("lowBatteryRate", "1");
            case BATTERY_LOW_IN_HALF_THE_PERIODS -> Map.of("lowBatteryRate", "0.5",
                    "lowBatteryPeriodMs", Long.toString(LOW_BATTERY_PERIOD.toMillis()));
            case NO_DELAYS -> Map.of("latencyMs", "0", "transferTimeMs", "0", "activationTimeMs", "0");
        };
        Map<String, String> all = new java.util.HashMap<>(fast);
        all.putAll(extra);
        return all;
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
        assertThat(defaults.responses()).isEqualTo(new ResponseSettings(20, 20, 20, 0, 0, 0, 0, 3_600_000, 1));
        assertThat(defaults.batteryPoweredVariant()).hasToString("B4");
    }

    @Test
    void readsEveryDocumentedKey() {
        EmulatorSettings s = EmulatorSettings.from(Map.ofEntries(
                Map.entry("altHanShare", "0.5"), Map.entry("prepaymentShare", "0.2"), Map.entry("tcsoShare", "0.1"),
                Map.entry("fileTransferFailureRate", "0.05"), Map.entry("latencyMs", "0"),
                Map.entry("transferTimeMs", "600000"), Map.entry("activationTimeMs", "30000"),
                Map.entry("activationFailureRate", "0.02"), Map.entry("noAnswerRate", "0.01"),
                Map.entry("lowBatteryRate", "0.1"), Map.entry("lowBatteryPeriodMs", "900000"),
                Map.entry("timeScale", "60"),
                Map.entry("electricityOnlyShare", "0.3"), Map.entry("gasOnlyShare", "0.1"), Map.entry("ihdShare", "1"),
                Map.entry("hcalcsShare", "0.2"), Map.entry("cadShare", "0.3"), Map.entry("batteryPoweredVariant", "b2")));
        assertThat(s).isEqualTo(new EmulatorSettings(0.5, 0.2, 0.1, 0.3, 0.1, 1.0, 0.2, 0.3,
                org.secflow.spi.AltHanDeviceVariant.B2,
                new ResponseSettings(0, 600_000, 30_000, 0.05, 0.02, 0.01, 0.1, 900_000, 60)));
    }

    @Test
    void readsTheOlderTransferFailureRateKeyAsFileTransferFailureRate() {
        assertThat(EmulatorSettings.from(Map.of("transferFailureRate", "0.25")).responses().fileTransferFailureRate())
                .isEqualTo(0.25);
        assertThatThrownBy(() -> EmulatorSettings.from(Map.of("transferFailureRate", "0.25",
                "fileTransferFailureRate", "0.5"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transferFailureRate").hasMessageContaining("fileTransferFailureRate");
    }

    @Test
    void dividesEveryDelayByTheTimeScale() {
        ResponseSettings sixty = EmulatorSettings.from(Map.of("timeScale", "60", "transferTimeMs", "60000")).responses();
        assertThat(sixty.hostNanos(sixty.transferTimeMs())).isEqualTo(1_000_000_000L);
        assertThat(sixty.hostNanos(0)).isZero();
        assertThat(sixty.batteryPeriod(60_000)).as("one real minute is an emulated hour").isEqualTo(1);
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
        "fileTransferFailureRate, 2",
        "activationFailureRate, -1",
        "noAnswerRate, x",
        "lowBatteryRate, 1.5",
        "lowBatteryPeriodMs, 0",
        "transferTimeMs, -5",
        "activationTimeMs, 604800001",
        "timeScale, 0",
        "timeScale, -2",
        "timeScale, fast",
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
