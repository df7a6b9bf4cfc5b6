package org.secflow.spi;

/**
 * A singleton factory for one provider implementation (the Keycloak split: factory chosen by configuration,
 * provider created from it).
 *
 * @param <P> the provider type it creates
 */
public interface ProviderFactory<P extends Provider> {

    /** Id that configuration selects, e.g. {@code csp-north}. Unique across all loaded plugins. */
    String id();

    /** One line shown in {@code GET /api/plugins}; empty by default. */
    default String description() {
        return "";
    }

    /**
     * Creates the provider from its configuration. Called once, with the plugin's class loader as the thread
     * context class loader.
     *
     * @param context configuration and host services for this provider
     * @return a ready provider
     * @throws Exception when the configuration is invalid or initialisation fails; the host then refuses the
     *     whole plugin and shows the message
     */
    P create(ProviderContext context) throws Exception;
}
