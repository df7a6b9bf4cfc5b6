package org.secflow.spi;

import java.util.List;
import java.util.Objects;

/**
 * One emulated premises with its Communications Hub and HAN devices.
 *
 * @param mpan MPAN core (13 digits, valid check digit), or null without electricity
 * @param mprn MPRN, or null without gas
 * @param region SM WAN region
 * @param importSupplier party registered as Import Supplier for the MPAN, or null
 * @param gasSupplier party registered as Gas Supplier for the MPRN, or null
 * @param commsHub the Communications Hub
 * @param devices the other devices on its HAN (meters, IHD, PPMIDs, Alt HAN bridges, ...)
 */
public record EmulatedPremises(String mpan, String mprn, Region region, String importSupplier, String gasSupplier,
                               EmulatedCommsHub commsHub, List<EmulatedDevice> devices) {
    public EmulatedPremises {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(commsHub, "commsHub");
        if (mpan == null && mprn == null) {
            throw new IllegalArgumentException("a premises has an MPAN or an MPRN");
        }
        devices = List.copyOf(devices);
    }
}
