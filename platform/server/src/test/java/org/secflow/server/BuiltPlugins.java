package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.secflow.spi.Region;

/**
 * The plugin folders the plugin modules built ({@code plugins/<id>/target/plugin/<id>}: the jar and its private
 * dependencies, by the package phase of {@code mvn verify}), copied into a test's own {@code plugins} folder so that a
 * server loads the real jars. Shared by the HTTP and browser tests that run with every plugin.
 */
final class BuiltPlugins {
    /** The plugins a full test server runs: the reference DSP, both CSPs, the device emulator. */
    static final List<String> IDS = List.of("dsp-reference", "csp-north", "csp-central-south", "device-emulator");
    /** The CSP of each region in those tests. */
    static final Map<Region, String> CSPS = Map.of(Region.NORTH, "csp-north", Region.CENTRAL, "csp-central-south",
            Region.SOUTH, "csp-central-south");

    private BuiltPlugins() {
    }

    /**
     * Creates {@code dir/plugins} with a copy of every plugin of {@link #IDS}; fails the test when a plugin module has
     * not been packaged.
     *
     * @return {@code dir/plugins}
     */
    static Path copyInto(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path modules = Path.of(System.getProperty("secflow.pluginModules", "../../plugins"));
        for (String id : IDS) {
            Path built = modules.resolve(id).resolve("target/plugin").resolve(id);
            assertThat(built).as("plugin folder built by 'mvn verify' (package phase of the plugin modules)").isDirectory();
            copyFiles(built, Files.createDirectories(plugins.resolve(id)));
        }
        return plugins;
    }

    /** Copies the regular files of {@code from} (not its folders) into {@code to}. */
    static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
