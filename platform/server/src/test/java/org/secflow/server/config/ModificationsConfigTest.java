package org.secflow.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration of the modification lifecycle: users' process groups and the appeal window. */
class ModificationsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInConfigurationGivesDemoSecasEverySecBodyAndA10WorkingDayAppealWindowFromSeed004() {
        SecflowConfig config = SecflowConfig.builtIn();

        assertThat(config.modifications().appealWindowWorkingDays()).isEqualTo(10);
        assertThat(config.users()).filteredOn(u -> u.token().equals("demo-secas")).singleElement()
                .satisfies(u -> assertThat(u.groups()).contains("secas", "panel", "dcc", "change-board", "authority"));
        assertThat(config.users()).filteredOn(u -> u.token().equals("demo-supplier-a")).singleElement()
                .satisfies(u -> assertThat(u.groups()).isNull());
    }

    @Test
    void aConfigurationWithoutAModificationsSectionTakesTheDefaultAndAZeroDayWindowIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("secflow.yaml"), "users: []\n");
        assertThat(SecflowConfig.read(file).modifications().appealWindowWorkingDays()).isEqualTo(10);

        Files.writeString(file, "modifications:\n  appealWindowWorkingDays: 0\n");
        assertThatThrownBy(() -> SecflowConfig.read(file)).hasMessageContaining("appealWindowWorkingDays");
    }
}
