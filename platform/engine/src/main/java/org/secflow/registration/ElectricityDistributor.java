package org.secflow.registration;

import java.util.Objects;
import org.secflow.spi.Region;

/**
 * One row of {@code rules/electricity-distributors.csv}: the distribution area an MPAN's first two digits name.
 *
 * @param distributorId two digits, e.g. {@code 15} (10-23: the fourteen GB distribution areas)
 * @param edParty SEC Party id of the Electricity Distributor operating the area, e.g. {@code DNO-NORTH}
 * @param name the area's name
 * @param region DCC region whose emulated premises get MPANs with this id, or null (never drawn)
 * @param source public source of the row, or {@code not from a source} and why
 */
public record ElectricityDistributor(String distributorId, String edParty, String name, Region region, String source) {
    public ElectricityDistributor {
        Objects.requireNonNull(distributorId, "distributor_id");
        Objects.requireNonNull(edParty, "ed_party");
        Objects.requireNonNull(source, "source");
        if (!distributorId.matches("\\d{2}")) {
            throw new IllegalArgumentException("distributor_id is two digits, got '" + distributorId + "'");
        }
    }
}
