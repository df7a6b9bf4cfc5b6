package org.secflow.server;

import java.util.List;
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.User;
import org.secflow.campaign.CampaignDefinition;
import org.secflow.campaign.TargetSelection;
import org.secflow.inventory.FirmwareImageRegistration;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --demo}: a small firmware campaign so that a newcomer sees one at once. When no campaign exists yet,
 * Supplier A registers an image for its most common Alt HAN bridge model, creates a two-wave campaign for the
 * bridges of that model and its second User approves it; the emulated estate completes it within seconds.
 */
final class DemoCampaign {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCampaign.class);

    private DemoCampaign() {
    }

    static void start(Platform platform) {
        if (!platform.campaigns().list().isEmpty()) {
            return;
        }
        var model = platform.inventory().counts(smi -> smi.altHanBridgeModelsByCount("SUPPLIER-A")).stream().findFirst()
                .map(m -> new String[] {m.manufacturer(), m.model(), m.altHanVariant()});
        if (model.isEmpty()) {
            LOG.info("Demo campaign: the estate has no Alt HAN bridge of SUPPLIER-A; none created");
            return;
        }
        String sha = String.format("%064x", new java.math.BigInteger(1, ("demo " + model.get()[1]).getBytes()));
        String version = "9.0.0-demo";
        if (platform.firmwareImages().findBySha256(sha).isEmpty()) {
            platform.firmwareImages().register(new FirmwareImageRegistration(model.get()[0], model.get()[1], version, sha,
                    Set.of(DeviceType.PPMID)), "demo");
        }
        User creator = new User("90-B3-D5-1F-30-01-00-0A", "Supplier A operations", "SUPPLIER-A", Set.of(DccUserRole.IS), Set.of());
        User approver = new User("90-B3-D5-1F-30-01-00-1A", "Supplier A release manager", "SUPPLIER-A", Set.of(DccUserRole.IS), Set.of());
        var created = platform.campaigns().create(creator, new CampaignDefinition("Demo: " + model.get()[1] + " bridges to " + version,
                sha, Set.of(), new TargetSelection(false, Set.of(AltHanDeviceVariant.valueOf(model.get()[2])), null, null, null),
                List.of(20, 80), 50, null, 50, 2, 50L, 60_000L));
        platform.campaigns().approve(approver, (String) created.get("campaignId"));
        LOG.info("Demo campaign {} started: {} devices", created.get("campaignId"), created.get("devices"));
    }
}
