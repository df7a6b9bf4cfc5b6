package org.secflow.spi;

/** The CSPs the configuration assigned to the regions. */
public interface CspDirectory {

    /**
     * The CSP serving a region.
     *
     * @throws IllegalStateException when no CSP serves it (the host refuses such a configuration at start)
     */
    Csp forRegion(Region region);
}
