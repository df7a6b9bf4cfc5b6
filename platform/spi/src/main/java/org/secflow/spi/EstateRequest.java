package org.secflow.spi;

import java.util.List;

/**
 * What estate to generate.
 *
 * @param premises number of premises, at least 1
 * @param seed the same seed gives the same estate, device for device
 * @param importSuppliers party ids to register as Import Supplier (round the estate, deterministically)
 * @param gasSuppliers party ids to register as Gas Supplier
 */
public record EstateRequest(int premises, long seed, List<String> importSuppliers, List<String> gasSuppliers) {
    public EstateRequest {
        if (premises < 1) {
            throw new IllegalArgumentException("premises must be at least 1, got " + premises);
        }
        importSuppliers = List.copyOf(importSuppliers);
        gasSuppliers = List.copyOf(gasSuppliers);
        if (importSuppliers.isEmpty() || gasSuppliers.isEmpty()) {
            throw new IllegalArgumentException("at least one Import Supplier and one Gas Supplier party are needed");
        }
    }
}
