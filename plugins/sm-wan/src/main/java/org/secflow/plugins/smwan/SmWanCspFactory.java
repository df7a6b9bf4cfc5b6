package org.secflow.plugins.smwan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.secflow.spi.Csp;
import org.secflow.spi.CspFactory;
import org.secflow.spi.ProviderContext;
import org.secflow.spi.Region;

/**
 * Base of the CSP factories that relay over a simulated SM WAN ({@link SmWanCsp}): a CSP plugin names its id,
 * regions, kind of SM WAN and setting defaults; configuration keys are those of {@link SmWanSettings}.
 */
public abstract class SmWanCspFactory implements CspFactory {
    private final String id;
    private final Set<Region> regions;
    private final String smWan;
    private final Map<String, String> defaults;
    private final String description;

    /**
     * @param id the id configuration selects, e.g. {@code csp-north}
     * @param regions regions served
     * @param smWan kind of SM WAN, reported as {@code smWan} in the acceptance event, e.g. {@code cellular}
     * @param defaults setting defaults that differ from {@link SmWanSettings}', e.g. {@code latencyMs}
     * @param description one line for {@code GET /api/plugins}
     */
    protected SmWanCspFactory(String id, Set<Region> regions, String smWan, Map<String, String> defaults, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.regions = Collections.unmodifiableSet(EnumSet.copyOf(regions));
        this.smWan = Objects.requireNonNull(smWan, "smWan");
        this.defaults = Map.copyOf(defaults);
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<Region> supportedRegions() {
        return regions;
    }

    /** The kind of SM WAN. */
    public final String smWan() {
        return smWan;
    }

    /**
     * Creates the CSP.
     *
     * @throws IllegalArgumentException when a configuration key is unknown or its value invalid
     */
    @Override
    public final Csp create(ProviderContext context) {
        return new SmWanCsp(id, regions, smWan, settings(context.config()), context.scheduler(), context.clock(),
                Objects.requireNonNull(context.commsHubNetwork(), "the host gave " + id + " no CommsHubNetwork"),
                wanVariants());
    }

    /**
     * The WAN Variants this CSP reports in SRV 12.1, verbatim (CHISM Annex E Table 3); one is picked per
     * Communications Hub from a hash of its Device ID. Empty (the default): the CSP does not say.
     */
    protected java.util.List<String> wanVariants() {
        return java.util.List.of();
    }

    /** Reads the settings with this CSP's defaults. */
    public final SmWanSettings settings(Map<String, String> config) {
        return SmWanSettings.from(id, defaults, config);
    }
}
