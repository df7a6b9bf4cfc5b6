package org.secflow.spi;

/** SM WAN region of a Communications Hub and its premises; one CSP for North, one for Central and South (DCC Preliminary Impact Assessment for SECMP0170, sections 4.1.1.2 and 4.1.1.3). */
public enum Region {
    NORTH, CENTRAL, SOUTH
}
