package org.secflow.campaign;

import java.util.List;
import java.util.Set;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.Region;

/**
 * Which devices a campaign targets (issue 4, step 1). Every criterion given must hold; empty or null means "any".
 *
 * @param ppmids whether non-bridge PPMIDs are targeted
 * @param altHanVariants Alt HAN Device Variants targeted (B1-B4; seed 000 section 3)
 * @param regions CSP regions
 * @param firmwareVersions current firmware versions (as in the SMI)
 * @param deviceIds explicit devices (EUI-64); when given, only these
 */
public record TargetSelection(Boolean ppmids, Set<AltHanDeviceVariant> altHanVariants, Set<Region> regions,
                              Set<String> firmwareVersions, List<String> deviceIds) {
    public TargetSelection {
        altHanVariants = altHanVariants == null ? Set.of() : Set.copyOf(altHanVariants);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        firmwareVersions = firmwareVersions == null ? Set.of() : Set.copyOf(firmwareVersions);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    /** Whether plain PPMIDs (not bridges) are in: as asked, or by default when no variant is named. */
    public boolean includesPpmids() {
        return ppmids != null ? ppmids : altHanVariants.isEmpty();
    }
}
