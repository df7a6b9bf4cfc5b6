package org.secflow.plugin;

import java.util.List;

/**
 * Start-up cannot go on: a configured provider is missing, cannot serve what it was chosen for, or failed to
 * initialise. The message names the provider and the candidates; {@link #statuses()} tells what became of every
 * plugin folder.
 */
public final class PluginConfigurationException extends RuntimeException {
    private final transient List<PluginStatus> statuses;

    public PluginConfigurationException(String message, List<PluginStatus> statuses, Throwable cause) {
        super(message, cause);
        this.statuses = List.copyOf(statuses);
    }

    public List<PluginStatus> statuses() {
        return statuses;
    }
}
