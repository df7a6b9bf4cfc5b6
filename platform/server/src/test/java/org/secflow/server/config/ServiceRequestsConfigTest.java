package org.secflow.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration of the Service Request path: the recording lag past which requests for the DSP are deferred. */
class ServiceRequestsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theLimitIsFiveSecondsBuiltInAndWithoutTheSectionAndItIsReadFromTheFile() throws Exception {
        assertThat(SecflowConfig.builtIn().serviceRequests().maxRecordingLagMs()).isEqualTo(5_000);
        Path file = Files.writeString(dir.resolve("secflow.yaml"), "users: []\n");
        assertThat(SecflowConfig.read(file).serviceRequests().maxRecordingLagMs()).isEqualTo(5_000);

        Files.writeString(file, "serviceRequests:\n  maxRecordingLagMs: 2500\n");
        assertThat(SecflowConfig.read(file).serviceRequests().maxRecordingLagMs()).isEqualTo(2_500);
    }

    @Test
    void aLimitBelowOneMillisecondOrAnUnknownKeyStopsStartUpNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("secflow.yaml"), "serviceRequests:\n  maxRecordingLagMs: 0\n");
        assertThatThrownBy(() -> SecflowConfig.read(file)).hasMessageContaining("serviceRequests.maxRecordingLagMs")
                .hasMessageContaining("line");

        Files.writeString(file, "serviceRequests:\n  maxRecordingLag: 5000\n");
        assertThatThrownBy(() -> SecflowConfig.read(file)).hasMessageContaining("maxRecordingLag");
    }
}
