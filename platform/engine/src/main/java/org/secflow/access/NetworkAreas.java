package org.secflow.access;

import java.util.Set;

/**
 * The areas of network operators: which electricity distributor ids (the first two digits of an MPAN) belong to an
 * Electricity Distributor Party, and which MPRN prefixes to a Gas Transporter Party. Read from the editable tables
 * in {@code rules/} (see rules/README.md); used to scope what network operators read of the Smart Metering Inventory.
 */
public interface NetworkAreas {
    /** No areas: network operators see no premises. */
    NetworkAreas NONE = new NetworkAreas() {
        @Override
        public Set<String> distributorIds(String edParty) {
            return Set.of();
        }

        @Override
        public Set<String> mprnPrefixes(String gtParty) {
            return Set.of();
        }
    };

    /** Two-digit distributor ids (e.g. {@code 15}) of the Party acting as Electricity Distributor; empty when none. */
    Set<String> distributorIds(String edParty);

    /** MPRN prefixes of the gas networks of the Party acting as Gas Transporter; empty when none. */
    Set<String> mprnPrefixes(String gtParty);
}
