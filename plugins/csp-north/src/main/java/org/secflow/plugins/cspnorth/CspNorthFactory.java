package org.secflow.plugins.cspnorth;

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
 * Factory of the CSP North, id {@code csp-north}, serving {@link Region#NORTH} only (DOMAIN.md section 1: one CSP
 * for North, one for Central and South). The CSP North carries commands over a simulated long-range radio SM WAN
 * (CHISM Annex E Table 3 WAN Variants 420 and 450, seed 004 MP106) to the Communications Hubs of the North region
 * (seed 001 section 4.1.1: DSP -> CSP -> Communications Hub; section 4.1.1.3 for the CSP North's part); the relay
 * is {@link SmWanCsp}.
 *
 * <p>Configuration keys under {@code plugins.config.csp-north}: see {@link SmWanSettings}, {@code latencyMs}
 * defaulting to 150 (an illustrative figure for an emulation, not a measured SM WAN latency); an unknown key or a
 * bad value refuses the plugin with a message naming it.
 */
public final class CspNorthFactory implements CspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-north";
    /** The regions this CSP serves, in {@link Region} order. */
    static final Set<Region> REGIONS = Collections.unmodifiableSet(EnumSet.of(Region.NORTH));
    /** The kind of SM WAN, reported in {@code smWan} of the acceptance event. */
    static final String SM_WAN = "long-range radio";
    /** Defaults of the settings that differ from {@link SmWanSettings}'. */
    static final Map<String, String> DEFAULTS = Map.of("latencyMs", "150");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CSP North: simulated " + SM_WAN + " SM WAN for the North region";
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
        return new SmWanCsp(ID, REGIONS, SM_WAN, settings, context.scheduler(), context.clock(),
                Objects.requireNonNull(context.commsHubNetwork(), "the host gave csp-north no CommsHubNetwork"));
    }

    /** Reads the settings of the CSP North, with its defaults. */
    static SmWanSettings settings(Map<String, String> config) {
        return SmWanSettings.from(ID, DEFAULTS, config);
    }
}
