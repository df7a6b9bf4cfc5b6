package org.secflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {
    @TempDir
    Path rules;

    private void copyRealRules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void keepsTheServingVersionWhenAReloadIsRefused() throws IOException {
        copyRealRules();
        try (RuleBase base = new RuleBase(rules, Clock.systemUTC())) {
            String version = base.current().version();
            Files.writeString(rules.resolve("broken.drl"), "package org.secflow.rules\nrule \"X\" when\n  Nothing( ) then end\n");

            assertThatThrownBy(base::reload).isInstanceOf(RuleLoadException.class);

            assertThat(base.current().version()).isEqualTo(version);
            assertThat(base.lastRefused()).hasValueSatisfying(r -> assertThat(r.errors()).extracting(RuleError::file).contains("broken.drl"));
        }
    }

    @Test
    void theFileWatcherReloadsWhenAFileChanges() throws Exception {
        copyRealRules();
        try (RuleBase base = new RuleBase(rules, Clock.systemUTC())) {
            String version = base.current().version();
            base.watch(100);
            Files.writeString(rules.resolve("alt-han.drl"), Files.readString(rules.resolve("alt-han.drl")) + "\n// edited\n");

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (base.current().version().equals(version) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(base.current().version()).isNotEqualTo(version);
        }
    }
}
