package org.secflow.spi;

import java.util.Set;

/**
 * Factory of a Communications Service Provider; selected per region by {@code plugins.csp.<REGION>} in the
 * configuration. The host refuses a configuration that assigns a region the factory does not support.
 */
public interface CspFactory extends ProviderFactory<Csp> {

    /** Regions this CSP can serve (DOMAIN.md section 1: one CSP for North, one for Central and South). */
    Set<Region> supportedRegions();
}
