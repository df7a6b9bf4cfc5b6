package org.secflow.plugins.cspcentralsouth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CentralSouthCspSettingsTest {

    @Test
    void defaultsToAShortLatencyAndNoFailures() {
        assertThat(CentralSouthCspSettings.from(Map.of())).isEqualTo(new CentralSouthCspSettings(100, 0, 0, 0));
    }

    @Test
    void readsEveryKey() {
        assertThat(CentralSouthCspSettings.from(
                Map.of("latencyMs", "20", "jitterMs", "5", "failureRate", "0.25", "seed", "7")))
                .isEqualTo(new CentralSouthCspSettings(20, 5, 0.25, 7));
    }

    @Test
    void refusesAJitterThatIsNoNumber() {
        assertThatThrownBy(() -> CentralSouthCspSettings.from(Map.of("jitterMs", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitterMs").hasMessageContaining("lots");
    }

    @Test
    void refusesANegativeFailureRate() {
        assertThatThrownBy(() -> CentralSouthCspSettings.from(Map.of("failureRate", "-0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureRate");
    }

    @Test
    void refusesAnUnknownKeyRatherThanIgnoringIt() {
        assertThatThrownBy(() -> CentralSouthCspSettings.from(Map.of("failurerate", "0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failurerate");
    }
}
