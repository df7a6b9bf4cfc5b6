package org.secflow.plugin;

import java.util.List;

/**
 * What became of one plugin folder, as {@code GET /api/plugins} shows it.
 *
 * @param id plugin id, or the folder name when the plugin could not tell it
 * @param version plugin version, or null
 * @param spiVersion SPI version it was built for, or null
 * @param folder the plugin folder
 * @param state loaded or refused
 * @param reason why it was refused, else null
 * @param providers providers it offers (empty when refused before they were read)
 */
public record PluginStatus(String id, String version, String spiVersion, String folder, State state, String reason,
                           List<ProviderInfo> providers) {

    /** Loaded or refused; a refused plugin runs no code after refusal. */
    public enum State {
        LOADED, REFUSED
    }

    PluginStatus refused(String why) {
        return new PluginStatus(id, version, spiVersion, folder, State.REFUSED, why, providers);
    }

    PluginStatus withProviders(List<ProviderInfo> list) {
        return new PluginStatus(id, version, spiVersion, folder, state, reason, list);
    }
}
