package org.secflow.campaign;

import java.util.List;
import java.util.Set;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.Region;

/**
 * Which devices a campaign targets (campaign step 1, docs/architecture.md). Every criterion given must hold; empty or null means "any".
 *
 * @param ppmids whether non-bridge PPMIDs are targeted
 * @param altHanVariants Alt HAN Device Variants targeted (B1-B4; MP170 draft Modification Report section 3)
 * @param regions CSP regions
 * @param firmwareVersions current firmware versions (as in the SMI)
 * @param deviceIds explicit devices (EUI-64); when given, only these
 */
public record TargetSelection(Boolean ppmids, Set<AltHanDeviceVariant> altHanVariants, Set<Region> regions,
                              Set<String> firmwareVersions, List<String> deviceIds) {
    /** Most devices a selection names one by one (the stored definition holds them: V15). */
    public static final int MAX_DEVICE_IDS = 10_000;

    public TargetSelection {
        altHanVariants = altHanVariants == null ? Set.of() : Set.copyOf(altHanVariants);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        firmwareVersions = firmwareVersions == null ? Set.of() : Set.copyOf(firmwareVersions);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
        if (deviceIds.size() > MAX_DEVICE_IDS) {
            throw new org.secflow.problem.InvalidFieldException("selection.deviceIds", "a campaign names at most "
                    + MAX_DEVICE_IDS + " devices one by one; select more by type, region or firmware version",
                    deviceIds.size() + " device ids");
        }
        if (firmwareVersions.size() > 100 || firmwareVersions.stream().anyMatch(v -> v == null || v.length() > 32)) {
            throw new org.secflow.problem.InvalidFieldException("selection.firmwareVersions",
                    "at most 100 firmware versions of at most 32 characters", "firmwareVersions out of range");
        }
    }

    /** Whether plain PPMIDs (not bridges) are in: as asked, or by default when no variant is named. */
    public boolean includesPpmids() {
        return ppmids != null ? ppmids : altHanVariants.isEmpty();
    }
}
