package org.secflow.plugins.cspnorth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.secflow.spi.Csp;
import org.secflow.spi.CspFactory;
import org.secflow.spi.ProviderContext;
import org.secflow.spi.Region;

/**
 * Factory of the CSP North, id {@code csp-north}, serving {@link Region#NORTH} only (DOMAIN.md section 1: one CSP
 * for North, one for Central and South). Configuration keys under {@code plugins.config.csp-north}: see
 * {@link NorthCspSettings}; an unknown key or a bad value refuses the plugin with a message naming it.
 */
public final class CspNorthFactory implements CspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-north";
    /** The regions this CSP serves, in {@link Region} order. */
    static final Set<Region> REGIONS = Collections.unmodifiableSet(EnumSet.of(Region.NORTH));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CSP North: simulated " + NorthCsp.SM_WAN + " SM WAN for the North region";
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
        NorthCspSettings settings = NorthCspSettings.from(context.config());
        return new NorthCsp(settings, context.scheduler(), context.clock(),
                Objects.requireNonNull(context.commsHubNetwork(), "the host gave csp-north no CommsHubNetwork"));
    }
}
