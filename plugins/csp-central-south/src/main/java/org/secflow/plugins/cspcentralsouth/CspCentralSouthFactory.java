package org.secflow.plugins.cspcentralsouth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.secflow.spi.Csp;
import org.secflow.spi.CspFactory;
import org.secflow.spi.ProviderContext;
import org.secflow.spi.Region;

/**
 * Factory of the CSP Central and South, id {@code csp-central-south}, serving {@link Region#CENTRAL} and
 * {@link Region#SOUTH} (DOMAIN.md section 1: one CSP for North, one for Central and South). Configuration keys
 * under {@code plugins.config.csp-central-south}: see {@link CentralSouthCspSettings}; an unknown key or a bad
 * value refuses the plugin with a message naming it.
 */
public final class CspCentralSouthFactory implements CspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-central-south";
    /** The regions this CSP serves, in {@link Region} order. */
    static final Set<Region> REGIONS = Collections.unmodifiableSet(EnumSet.of(Region.CENTRAL, Region.SOUTH));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CSP Central and South: simulated " + CentralSouthCsp.SM_WAN
                + " SM WAN for the Central and South regions";
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
        CentralSouthCspSettings settings = CentralSouthCspSettings.from(context.config());
        return new CentralSouthCsp(settings, context.scheduler(), context.clock(), Objects.requireNonNull(
                context.commsHubNetwork(), "the host gave csp-central-south no CommsHubNetwork"));
    }
}
