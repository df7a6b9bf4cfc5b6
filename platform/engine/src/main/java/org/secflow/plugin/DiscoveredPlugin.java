package org.secflow.plugin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.secflow.spi.Plugin;
import org.secflow.spi.ProviderFactory;

/**
 * A plugin folder after discovery: its status and, when loaded, its entry point, class loader and factories by id.
 */
final class DiscoveredPlugin {
    private PluginStatus status;
    final Plugin plugin;
    final PluginClassLoader loader;
    final Map<String, ProviderFactory<?>> factories;

    DiscoveredPlugin(PluginStatus status, Plugin plugin, PluginClassLoader loader, Map<String, ProviderFactory<?>> factories) {
        this.status = status;
        this.plugin = plugin;
        this.loader = loader;
        this.factories = factories;
    }

    static DiscoveredPlugin refused(String id, String folder, String reason) {
        return new DiscoveredPlugin(new PluginStatus(id, null, null, folder, PluginStatus.State.REFUSED, reason, List.of()),
                null, null, Map.of());
    }

    PluginStatus status() {
        return status;
    }

    boolean isLoaded() {
        return status.state() == PluginStatus.State.LOADED;
    }

    void refuse(String reason) {
        status = status.refused(reason);
        closeLoader();
    }

    void setStatus(PluginStatus s) {
        status = s;
    }

    void closeLoader() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
