package org.secflow.spi;

import java.util.List;
import java.util.Objects;

/**
 * One emulated premises with its Communications Hub and HAN devices.
 *
 * @param mpan Import MPAN core (13 digits, valid check digit), or null without electricity
 * @param mprn MPRN, or null without gas
 * @param region SM WAN region
 * @param importSupplier party registered as Import Supplier for the MPAN, or null
 * @param gasSupplier party registered as Gas Supplier for the MPRN, or null
 * @param commsHub the Communications Hub
 * @param devices the other devices on its HAN (meters, IHD, PPMIDs, Alt HAN bridges, ...)
 * @param exportMpan Export MPAN core of a premises that exports (e.g. solar generation), or null; only with an MPAN
 *     (since SPI 1.1)
 * @param exportSupplier party registered as Export Supplier for the Export MPAN, or null; only with an Export MPAN
 *     (since SPI 1.1)
 */
public record EmulatedPremises(String mpan, String mprn, Region region, String importSupplier, String gasSupplier,
                               EmulatedCommsHub commsHub, List<EmulatedDevice> devices, String exportMpan,
                               String exportSupplier) {
    public EmulatedPremises {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(commsHub, "commsHub");
        if (mpan == null && mprn == null) {
            throw new IllegalArgumentException("a premises has an MPAN or an MPRN");
        }
        if (exportMpan != null && mpan == null) {
            throw new IllegalArgumentException("an Export MPAN needs the premises' Import MPAN (electricity)");
        }
        if (exportSupplier != null && exportMpan == null) {
            throw new IllegalArgumentException("an Export Supplier is registered for an Export MPAN");
        }
        devices = List.copyOf(devices);
    }

    /** A premises that does not export (the SPI 1.0 constructor). */
    public EmulatedPremises(String mpan, String mprn, Region region, String importSupplier, String gasSupplier,
                            EmulatedCommsHub commsHub, List<EmulatedDevice> devices) {
        this(mpan, mprn, region, importSupplier, gasSupplier, commsHub, devices, null, null);
    }
}
