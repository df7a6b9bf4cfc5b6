package org.secflow.spi;

import java.util.Set;

/**
 * Factory of a Communications Service Provider; selected per region by {@code plugins.csp.<REGION>} in the
 * configuration. The host refuses a configuration that assigns a region the factory does not support.
 */
public interface CspFactory extends ProviderFactory<Csp> {

    /** Regions this CSP can serve (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 "CSP Central & South" and 4.1.1.3 "CSP North"). */
    Set<Region> supportedRegions();
}
