package org.secflow.spi;

/** SM WAN region of a Communications Hub and its premises; one CSP for North, one for Central and South (DOMAIN.md section 1). */
public enum Region {
    NORTH, CENTRAL, SOUTH
}
