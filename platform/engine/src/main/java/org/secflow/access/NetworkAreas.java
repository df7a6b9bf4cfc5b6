package org.secflow.access;

import java.util.List;
import java.util.Set;

/**
 * The areas of network operators: which electricity distributor ids (the first two digits of an MPAN) belong to an
 * Electricity Distributor Party, and which MPRN ranges (its gas networks) to a Gas Transporter Party. Read from the
 * editable registration tables in {@code rules/} (rules/electricity-distributors.csv, rules/gas-networks.csv); used to
 * scope what network operators read of the Smart Metering Inventory.
 */
public interface NetworkAreas {
    /** No areas: network operators see no premises. */
    NetworkAreas NONE = new NetworkAreas() {
        @Override
        public Set<String> distributorIds(String edParty) {
            return Set.of();
        }

        @Override
        public List<MprnRange> mprnRanges(String gtParty) {
            return List.of();
        }
    };

    /** Two-digit distributor ids (e.g. {@code 15}) of the Party acting as Electricity Distributor; empty when none. */
    Set<String> distributorIds(String edParty);

    /** The MPRN ranges of the gas networks of the Party acting as Gas Transporter; empty when none. */
    List<MprnRange> mprnRanges(String gtParty);

    /**
     * An inclusive range of MPRNs read as whole numbers.
     *
     * @param from first MPRN of the range
     * @param to last MPRN of the range
     */
    record MprnRange(long from, long to) {
        /** Whether the MPRN (digits) lies in the range; false for null or not a number. */
        public boolean contains(String mprn) {
            if (mprn == null || mprn.isEmpty() || mprn.length() > 18 || !mprn.chars().allMatch(Character::isDigit)) {
                return false;
            }
            long n = Long.parseLong(mprn);
            return n >= from && n <= to;
        }
    }
}
