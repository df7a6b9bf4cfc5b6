package org.secflow.plugins.cspcentralsouth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.secflow.plugins.smwan.SmWanCsp;
import org.secflow.plugins.smwan.SmWanSettings;
import org.secflow.spi.Csp;
import org.secflow.spi.CspFactory;
import org.secflow.spi.ProviderContext;
import org.secflow.spi.Region;

/**
 * Factory of the CSP Central and South, id {@code csp-central-south}, serving {@link Region#CENTRAL} and
 * {@link Region#SOUTH} (DOMAIN.md section 1: one CSP for North, one for Central and South). The CSP Central and
 * South carries commands over a simulated cellular SM WAN (CHISM Annex E Table 3 WAN Variants Cellular and
 * Cellular+Mesh, seed 004 MP106; see {@link CentralSouthWanVariant}) to the Communications Hubs of the Central and
 * South regions (seed 001 section 4.1.1: DSP -> CSP -> Communications Hub; section 4.1.1.2 for the CSP Central and
 * South's part); the relay is {@link SmWanCsp}, which fails a command for the North region.
 *
 * <p>Configuration keys under {@code plugins.config.csp-central-south}: see {@link SmWanSettings}, {@code latencyMs}
 * defaulting to 100 (an illustrative figure for an emulation, not a measured SM WAN latency); an unknown key or a
 * bad value refuses the plugin with a message naming it.
 */
public final class CspCentralSouthFactory implements CspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-central-south";
    /** The regions this CSP serves, in {@link Region} order. */
    static final Set<Region> REGIONS = Collections.unmodifiableSet(EnumSet.of(Region.CENTRAL, Region.SOUTH));
    /** The kind of SM WAN, reported in {@code smWan} of the acceptance event. */
    static final String SM_WAN = "cellular";
    /** Defaults of the settings that differ from {@link SmWanSettings}'. */
    static final Map<String, String> DEFAULTS = Map.of("latencyMs", "100");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CSP Central and South: simulated " + SM_WAN + " SM WAN for the Central and South regions";
    }

    @Override
    public Set<Region> supportedRegions() {
        return REGIONS;
    }

    /**
     * Creates the CSP.
     *
     * @throws IllegalArgumentException when a configuration key is unknown or its value invalid
     */
    @Override
    public Csp create(ProviderContext context) {
        SmWanSettings settings = settings(context.config());
        return new SmWanCsp(ID, REGIONS, SM_WAN, settings, context.scheduler(), context.clock(), Objects.requireNonNull(
                context.commsHubNetwork(), "the host gave csp-central-south no CommsHubNetwork"));
    }

    /** Reads the settings of the CSP Central and South, with its defaults. */
    static SmWanSettings settings(Map<String, String> config) {
        return SmWanSettings.from(ID, DEFAULTS, config);
    }
}
