package org.secflow.server;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.secflow.server.config.SecflowConfig;
import picocli.CommandLine.Option;

/**
 * Options every command shares. Defaults: data {@code ./data}; plugins and configuration from the distribution
 * folder the jar runs from ({@code plugins/}, {@code conf/secflow.yaml}); rules and bpmn from the current
 * directory (the repository's folders).
 */
public final class RuntimeOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Database folder (embedded HSQLDB file). Default: ./data")
    Path data = Path.of("data");

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins directory, one sub-folder per plugin. Default: <distribution>/plugins")
    Path plugins;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory (.drl, decision tables). Default: ./rules")
    Path rules = Path.of("rules");

    @Option(names = "--bpmn", paramLabel = "DIR", description = "Process directory (.bpmn). Default: ./bpmn")
    Path bpmn = Path.of("bpmn");

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML). Default: <distribution>/conf/secflow.yaml, else the built-in one")
    Path config;

    SecflowConfig loadConfig() {
        Path file = config != null ? config : distributionFile("conf/secflow.yaml");
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("configuration file " + config + " does not exist");
        }
        return file != null && Files.isRegularFile(file) ? SecflowConfig.read(file) : SecflowConfig.builtIn();
    }

    RuntimePaths paths() {
        Path pluginsDir = plugins != null ? plugins : distributionFile("plugins");
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            throw new IllegalArgumentException("plugins directory " + (pluginsDir == null ? "(none)" : pluginsDir.toAbsolutePath())
                    + " does not exist; build with 'mvn package' or pass --plugins DIR");
        }
        return new RuntimePaths(data.toAbsolutePath(), pluginsDir.toAbsolutePath(), rules.toAbsolutePath(), bpmn.toAbsolutePath());
    }

    /** A path inside the distribution folder the running jar belongs to, or null when not run from a jar. */
    static Path distributionFile(String relative) {
        try {
            Path jar = Path.of(SecflowCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? jar.getParent().resolve(relative) : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
