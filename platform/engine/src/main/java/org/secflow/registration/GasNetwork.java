package org.secflow.registration;

import java.util.Objects;
import org.secflow.spi.Region;

/**
 * One row of {@code rules/gas-networks.csv}: a gas network, the Gas Transporter operating it and an inclusive range
 * of MPRNs on it.
 *
 * @param networkId unique id, e.g. {@code SCOTLAND}
 * @param gtParty SEC Party id of the Gas Transporter, e.g. {@code GDN-NORTH}
 * @param name the network's name
 * @param region DCC region whose emulated premises get MPRNs of this range, or null (never drawn)
 * @param mprnFrom first MPRN of the range, read as a whole number
 * @param mprnTo last MPRN of the range (inclusive), at least {@code mprnFrom}
 * @param source public source of the row, or {@code not from a source} and why
 */
public record GasNetwork(String networkId, String gtParty, String name, Region region, long mprnFrom, long mprnTo,
                         String source) {
    public GasNetwork {
        Objects.requireNonNull(networkId, "network_id");
        Objects.requireNonNull(gtParty, "gt_party");
        Objects.requireNonNull(source, "source");
        if (mprnFrom < 0 || mprnTo < mprnFrom) {
            throw new IllegalArgumentException("mprn_from " + mprnFrom + " .. mprn_to " + mprnTo + " is not a range");
        }
    }

    /** Whether {@code mprn} (digits) lies in the range. */
    public boolean contains(long mprn) {
        return mprn >= mprnFrom && mprn <= mprnTo;
    }
}
