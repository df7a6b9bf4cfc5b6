package org.secflow.plugins.cspnorth;

import java.util.List;
import org.secflow.spi.CspFactory;
import org.secflow.spi.Plugin;
import org.secflow.spi.SpiVersion;

/**
 * The CSP North plugin: one {@link CspFactory}, {@link CspNorthFactory}, serving the North region over a simulated
 * long-range radio SM WAN (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 and 4.1.1.3). Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.secflow.spi.Plugin}.
 */
public final class CspNorthPlugin implements Plugin {

    @Override
    public String id() {
        return "csp-north";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<CspFactory> cspFactories() {
        return List.of(new CspNorthFactory());
    }
}
