package org.secflow.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.secflow.spi.CspFactory;
import org.secflow.spi.DspFactory;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.Plugin;
import org.secflow.spi.ProviderFactory;
import org.secflow.spi.Region;
import org.secflow.spi.SpiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugins of a plugins directory: each sub-folder is one plugin, its jars get their own
 * {@link PluginClassLoader}, and its entry point is found with {@link ServiceLoader}. A folder without a
 * {@link Plugin}, with more than one, built for an incompatible SPI version, or whose code throws while it is
 * read, is refused with a log line and kept as a refused {@link PluginStatus}.
 */
final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * Discovers every sub-folder of {@code pluginsDir}, in name order.
     *
     * @throws IllegalArgumentException when the directory does not exist
     */
    static List<DiscoveredPlugin> discover(Path pluginsDir) {
        if (!Files.isDirectory(pluginsDir)) {
            throw new IllegalArgumentException("plugins directory " + pluginsDir.toAbsolutePath() + " does not exist");
        }
        List<DiscoveredPlugin> result = new ArrayList<>();
        try (Stream<Path> folders = Files.list(pluginsDir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                DiscoveredPlugin p = discoverFolder(folder);
                if (p.isLoaded()) {
                    LOG.info("Loaded plugin {} {} (SPI {}) from {}: {}", p.status().id(), p.status().version(),
                            p.status().spiVersion(), folder, p.factories.keySet());
                } else {
                    LOG.warn("Refused plugin {} from {}: {}", p.status().id(), folder, p.status().reason());
                }
                result.add(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list plugins directory " + pluginsDir + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static DiscoveredPlugin discoverFolder(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(toUrl(jar));
            }
        }
        if (jars.isEmpty()) {
            return DiscoveredPlugin.refused(name, folder.toString(), "no jar in the plugin folder");
        }
        PluginClassLoader loader = new PluginClassLoader(name, jars.toArray(URL[]::new), PluginLoader.class.getClassLoader());
        try (ContextClassLoader ignored = ContextClassLoader.swap(loader)) {
            List<Plugin> plugins = new ArrayList<>();
            ServiceLoader.load(Plugin.class, loader).forEach(plugins::add);
            if (plugins.size() != 1) {
                loader.close();
                return DiscoveredPlugin.refused(name, folder.toString(), plugins.isEmpty()
                        ? "no org.secflow.spi.Plugin declared in META-INF/services"
                        : "declares " + plugins.size() + " org.secflow.spi.Plugin implementations; a folder holds one plugin");
            }
            return read(plugins.get(0), loader, folder);
        } catch (RuntimeException | LinkageError e) {
            loader.close();
            return DiscoveredPlugin.refused(name, folder.toString(), "failed while loading: " + describe(e));
        }
    }

    private static DiscoveredPlugin read(Plugin plugin, PluginClassLoader loader, Path folder) throws IOException {
        String id = plugin.id();
        String spi = plugin.spiVersion();
        PluginStatus status = new PluginStatus(id, plugin.version(), spi, folder.toString(), PluginStatus.State.LOADED, null, List.of());
        String incompatible = SpiVersion.incompatibility(spi);
        if (incompatible != null) {
            loader.close();
            return new DiscoveredPlugin(status.refused("incompatible SPI version: " + incompatible), null, null, Map.of());
        }
        Map<String, ProviderFactory<?>> factories = new LinkedHashMap<>();
        List<ProviderInfo> infos = new ArrayList<>();
        for (DspFactory f : plugin.dspFactories()) {
            add(factories, infos, f, ProviderKind.DSP);
        }
        for (CspFactory f : plugin.cspFactories()) {
            if (f.supportedRegions() == null || f.supportedRegions().isEmpty()) {
                throw new IllegalStateException("CSP provider " + f.id() + " declares no supported region");
            }
            add(factories, infos, f, ProviderKind.CSP);
        }
        for (DeviceEmulatorFactory f : plugin.deviceEmulatorFactories()) {
            add(factories, infos, f, ProviderKind.DEVICE_EMULATOR);
        }
        if (factories.isEmpty()) {
            loader.close();
            return new DiscoveredPlugin(status.refused("offers no provider"), null, null, Map.of());
        }
        return new DiscoveredPlugin(status.withProviders(infos), plugin, loader, factories);
    }

    private static void add(Map<String, ProviderFactory<?>> factories, List<ProviderInfo> infos, ProviderFactory<?> f, ProviderKind kind) {
        String id = f.id();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("a " + kind + " provider has no id");
        }
        if (factories.putIfAbsent(id, f) != null) {
            throw new IllegalStateException("provider id " + id + " is offered twice");
        }
        List<Region> regions = f instanceof CspFactory c ? List.copyOf(new TreeSet<>(c.supportedRegions())) : List.of();
        infos.add(new ProviderInfo(id, kind, regions, f.description(), List.of()));
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return root == e ? msg : e.getClass().getSimpleName() + " caused by " + msg;
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
