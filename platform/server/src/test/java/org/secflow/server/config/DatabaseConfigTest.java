package org.secflow.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database section: how many devices the SMI read model keeps (README "Benchmarks"). */
class DatabaseConfigTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInConfigurationKeeps100000Devices() {
        assertThat(SecflowConfig.builtIn().database().smiReadModelDevices()).isEqualTo(100_000);
    }

    @Test
    void aDatabaseSectionWithoutTheKeyTakesTheDefaultZeroKeepsNoneAndANegativeCountIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("secflow.yaml"), "database:\n  poolSize: 4\n");
        assertThat(SecflowConfig.read(file).database().smiReadModelDevices())
                .isEqualTo(SecflowConfig.Database.DEFAULT_SMI_READ_MODEL_DEVICES);

        Files.writeString(file, "database:\n  poolSize: 4\n  smiReadModelDevices: 0\n");
        assertThat(SecflowConfig.read(file).database().smiReadModelDevices()).isZero();

        Files.writeString(file, "database:\n  poolSize: 4\n  smiReadModelDevices: -1\n");
        assertThatThrownBy(() -> SecflowConfig.read(file)).hasMessageContaining("database.smiReadModelDevices");
    }
}
