package org.secflow.plugins.cspnorth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NorthCspSettingsTest {

    @Test
    void defaultsToAShortLatencyAndNoFailures() {
        assertThat(NorthCspSettings.from(Map.of())).isEqualTo(new NorthCspSettings(150, 0, 0, 0));
    }

    @Test
    void readsEveryKey() {
        assertThat(NorthCspSettings.from(
                Map.of("latencyMs", "20", "jitterMs", "5", "failureRate", "0.25", "seed", "7")))
                .isEqualTo(new NorthCspSettings(20, 5, 0.25, 7));
    }

    @Test
    void refusesANegativeLatency() {
        assertThatThrownBy(() -> NorthCspSettings.from(Map.of("latencyMs", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
    }

    @Test
    void refusesALatencyThatIsNoNumber() {
        assertThatThrownBy(() -> NorthCspSettings.from(Map.of("latencyMs", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latencyMs").hasMessageContaining("fast");
    }

    @Test
    void refusesAFailureRateAboveOne() {
        assertThatThrownBy(() -> NorthCspSettings.from(Map.of("failureRate", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureRate");
    }

    @Test
    void refusesAnUnknownKeyRatherThanIgnoringIt() {
        assertThatThrownBy(() -> NorthCspSettings.from(Map.of("latencyMS", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMS");
    }
}
