package org.secflow.plugins.smwan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmWanSettingsTest {
    private static final Map<String, String> DEFAULTS = Map.of("latencyMs", "150");

    private static SmWanSettings from(Map<String, String> config) {
        return SmWanSettings.from("csp-test", DEFAULTS, config);
    }

    @Test
    void defaultsToTheCspsLatencyAndNoFailures() {
        assertThat(from(Map.of())).isEqualTo(new SmWanSettings(150, 0, 0, 0));
    }

    @Test
    void defaultsEveryKeyTheCspLeavesOutToZero() {
        assertThat(SmWanSettings.from("csp-test", Map.of(), Map.of())).isEqualTo(new SmWanSettings(0, 0, 0, 0));
    }

    @Test
    void readsEveryKey() {
        assertThat(from(Map.of("latencyMs", "20", "jitterMs", "5", "failureRate", "0.25", "seed", "7")))
                .isEqualTo(new SmWanSettings(20, 5, 0.25, 7));
    }

    @Test
    void readsTheConcurrencyLimitAndSlotTimeout() {
        assertThat(from(Map.of("maxConcurrent", "500", "slotTimeoutMs", "900000")))
                .isEqualTo(new SmWanSettings(150, 0, 0, 0, 500, 900_000));
        assertThat(from(Map.of()).maxConcurrent()).as("no limit by default").isZero();
        assertThat(from(Map.of()).slotTimeoutMs()).isEqualTo(SmWanSettings.DEFAULT_SLOT_TIMEOUT_MS);
    }

    @Test
    void refusesANegativeConcurrencyLimitOrAZeroSlotTimeoutNamingTheKey() {
        assertThatThrownBy(() -> from(Map.of("maxConcurrent", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrent");
        assertThatThrownBy(() -> from(Map.of("maxConcurrent", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrent");
        assertThatThrownBy(() -> from(Map.of("slotTimeoutMs", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slotTimeoutMs");
    }

    @Test
    void refusesANegativeLatencyNamingTheCsp() {
        assertThatThrownBy(() -> from(Map.of("latencyMs", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("csp-test ").hasMessageContaining("latencyMs");
    }

    @Test
    void refusesALatencyThatIsNoNumber() {
        assertThatThrownBy(() -> from(Map.of("latencyMs", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latencyMs").hasMessageContaining("fast");
    }

    @Test
    void refusesAJitterThatIsNoNumber() {
        assertThatThrownBy(() -> from(Map.of("jitterMs", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitterMs").hasMessageContaining("lots");
    }

    @Test
    void refusesAFailureRateAboveOne() {
        assertThatThrownBy(() -> from(Map.of("failureRate", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureRate");
    }

    @Test
    void refusesANegativeFailureRate() {
        assertThatThrownBy(() -> from(Map.of("failureRate", "-0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureRate");
    }

    @Test
    void refusesAnUnknownKeyRatherThanIgnoringIt() {
        assertThatThrownBy(() -> from(Map.of("latencyMS", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("csp-test ").hasMessageContaining("latencyMS");
    }
}
