package org.secflow.plugins.cspcentralsouth;

import java.util.Map;
import java.util.Set;
import org.secflow.plugins.smwan.SmWanCsp;
import org.secflow.plugins.smwan.SmWanCspFactory;
import org.secflow.plugins.smwan.SmWanSettings;
import org.secflow.spi.Region;

/**
 * Factory of the CSP Central and South, id {@code csp-central-south}, serving {@link Region#CENTRAL} and
 * {@link Region#SOUTH} (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 "CSP Central & South" and 4.1.1.3 "CSP North"). The CSP Central and
 * South carries commands over a simulated cellular SM WAN (CHISM Annex E Table 3 WAN Variants Cellular and
 * Cellular+Mesh, SEC Panel paper, December 2020, MP106; see {@link CentralSouthWanVariant}) to the Communications Hubs of the Central and
 * South regions (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1: DSP -> CSP -> Communications Hub; section 4.1.1.2 for the CSP Central and
 * South's part); the relay is {@link SmWanCsp}, which fails a command for the North region.
 *
 * <p>Configuration keys under {@code plugins.config.csp-central-south}: see {@link SmWanSettings}, {@code latencyMs}
 * defaulting to 100 (an illustrative figure for an emulation, not a measured SM WAN latency); an unknown key or a
 * bad value refuses the plugin with a message naming it.
 */
public final class CspCentralSouthFactory extends SmWanCspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-central-south";

    public CspCentralSouthFactory() {
        super(ID, Set.of(Region.CENTRAL, Region.SOUTH), "cellular", Map.of("latencyMs", "100"),
                "CSP Central and South: simulated cellular SM WAN for the Central and South regions");
    }

    /** SRV 12.1 WAN Variants (CHISM Annex E Table 3; MP106 for the space Central and South send when unconfirmed). */
    @Override
    protected java.util.List<String> wanVariants() {
        return java.util.List.of("Cellular", "Cellular+Mesh", " ");
    }
}
