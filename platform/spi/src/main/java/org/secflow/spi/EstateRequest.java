package org.secflow.spi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What estate to generate.
 *
 * @param premises number of premises, at least 1
 * @param seed the same seed gives the same estate, device for device
 * @param importSuppliers party ids to register as Import Supplier (round the estate, deterministically)
 * @param gasSuppliers party ids to register as Gas Supplier
 * @param exportSuppliers party ids to register as Export Supplier of the premises that export; empty = no Export
 *     Supplier is registered (since SPI 1.1)
 * @param distributorIds per region, the MPAN distributor ids (two digits) its premises' MPANs start with, from the
 *     host's table of Electricity Distributors; a region left out = the emulator's own choice (since SPI 1.1)
 * @param mprnRanges per region, the MPRN ranges of its gas networks, from the host's table of gas networks; a region
 *     left out = the emulator's own choice (since SPI 1.1)
 */
public record EstateRequest(int premises, long seed, List<String> importSuppliers, List<String> gasSuppliers,
                            List<String> exportSuppliers, Map<Region, List<String>> distributorIds,
                            Map<Region, List<MprnRange>> mprnRanges) {

    /**
     * An inclusive range of MPRNs (whole numbers) on one gas network.
     *
     * @param first first MPRN, at least 1
     * @param last last MPRN, at least {@code first}, at most 10 digits
     */
    public record MprnRange(long first, long last) {
        public MprnRange {
            if (first < 1 || last < first || last > 9_999_999_999L) {
                throw new IllegalArgumentException("MPRN range " + first + ".." + last + " is not a range of MPRNs (1 to 10 digits)");
            }
        }
    }

    public EstateRequest {
        if (premises < 1) {
            throw new IllegalArgumentException("premises must be at least 1, got " + premises);
        }
        importSuppliers = List.copyOf(importSuppliers);
        gasSuppliers = List.copyOf(gasSuppliers);
        exportSuppliers = List.copyOf(exportSuppliers);
        if (importSuppliers.isEmpty() || gasSuppliers.isEmpty()) {
            throw new IllegalArgumentException("at least one Import Supplier and one Gas Supplier party are needed");
        }
        Map<Region, List<String>> ids = new EnumMap<>(Region.class);
        distributorIds.forEach((region, list) -> {
            for (String id : list) {
                if (id == null || !id.matches("\\d{2}")) {
                    throw new IllegalArgumentException("an MPAN distributor id is two digits, got '" + id + "' for " + region);
                }
            }
            if (!list.isEmpty()) {
                ids.put(region, List.copyOf(list));
            }
        });
        distributorIds = Map.copyOf(ids);
        Map<Region, List<MprnRange>> ranges = new EnumMap<>(Region.class);
        mprnRanges.forEach((region, list) -> {
            if (!list.isEmpty()) {
                ranges.put(region, List.copyOf(list));
            }
        });
        mprnRanges = Map.copyOf(ranges);
    }

    /** Import and Gas Suppliers only; no Export Supplier, the emulator's own distributor ids and MPRNs (SPI 1.0). */
    public EstateRequest(int premises, long seed, List<String> importSuppliers, List<String> gasSuppliers) {
        this(premises, seed, importSuppliers, gasSuppliers, List.of(), Map.of(), Map.of());
    }
}
