package org.secflow.plugins.cspnorth;

import java.util.Map;
import java.util.Set;
import org.secflow.plugins.smwan.SmWanCsp;
import org.secflow.plugins.smwan.SmWanCspFactory;
import org.secflow.plugins.smwan.SmWanSettings;
import org.secflow.spi.Region;

/**
 * Factory of the CSP North, id {@code csp-north}, serving {@link Region#NORTH} only (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 * and 4.1.1.3: one CSP for North, one for Central and South). The CSP North carries commands over a simulated long-range radio SM WAN
 * (CHISM Annex E Table 3 WAN Variants 420 and 450, SEC Panel paper, December 2020, MP106) to the Communications Hubs of the North region
 * (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1: DSP -> CSP -> Communications Hub; section 4.1.1.3 for the CSP North's part); the relay
 * is {@link SmWanCsp}.
 *
 * <p>Configuration keys under {@code plugins.config.csp-north}: see {@link SmWanSettings}, {@code latencyMs}
 * defaulting to 150 (an illustrative figure for an emulation, not a measured SM WAN latency); an unknown key or a
 * bad value refuses the plugin with a message naming it.
 */
public final class CspNorthFactory extends SmWanCspFactory {
    /** The id configuration selects. */
    public static final String ID = "csp-north";

    public CspNorthFactory() {
        super(ID, Set.of(Region.NORTH), "long-range radio", Map.of("latencyMs", "150"),
                "CSP North: simulated long-range radio SM WAN for the North region");
    }

    /** SRV 12.1 WAN Variants (CHISM Annex E Table 3; MP106 for the space Central and South send when unconfirmed). */
    @Override
    protected java.util.List<String> wanVariants() {
        return java.util.List.of("420", "450");
    }
}
