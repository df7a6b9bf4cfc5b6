package org.secflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a wave's sending loop starts, after a restart or a crash as on a first start: the store is the truth. Devices
 * SENT without a recorded delivery go back to SCHEDULED ({@link DeviceMove#RESEND_AFTER_RESTART}: their delivery was
 * never recorded, so sending again is safe and is not counted as a retry). DELIVERED and ACTIVATED devices are never
 * sent again: they are read (SRV 11.2) at once, with their timeout restarted from now, and read again while the read
 * fails or still shows the old version (the device activates at its own time; its 0x8F8B may have gone to the
 * process that died).
 */
final class WaveRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(WaveRecovery.class);

    /**
     * What the loop starts from.
     *
     * @param failed devices of the campaign in a failed final state
     * @param finished devices of the campaign in a final state other than SKIPPED and CANCELLED
     * @param finalDevices devices of the campaign in any final state
     * @param ready the wave's devices to send, in order
     * @param toRead the wave's devices delivered or activated, to read; their state in {@link InFlight#state}
     */
    record Start(long failed, long finished, long finalDevices, List<CampaignDevice> ready, List<InFlight> toRead) {
    }

    private WaveRecovery() {
    }

    static Start start(CampaignStore store, String campaignId, int wave, Instant now) {
        Map<DeviceState, Long> all = store.countByState(campaignId, null);
        long failed = 0;
        long finished = 0;
        long finalDevices = 0;
        for (DeviceState s : DeviceState.FINAL) {
            long n = all.getOrDefault(s, 0L);
            finalDevices += n;
            if (DeviceState.FAILED.contains(s)) {
                failed += n;
            }
            if (s != DeviceState.SKIPPED && s != DeviceState.CANCELLED) {
                finished += n;
            }
        }
        // one read of the wave's unfinished devices, split by state
        Map<DeviceState, List<CampaignDevice>> unfinished = store.devicesIn(campaignId, wave, EnumSet.of(DeviceState.SCHEDULED,
                DeviceState.SENT, DeviceState.DELIVERED, DeviceState.ACTIVATED));
        List<CampaignDevice> sent = unfinished.getOrDefault(DeviceState.SENT, List.of());
        List<DeviceTransition> resend = new ArrayList<>(sent.size());
        for (CampaignDevice d : sent) {
            resend.add(new DeviceTransition(DeviceMove.RESEND_AFTER_RESTART, d.deviceId(),
                    "restarted before the delivery was recorded; sent again", null, null, false, now));
        }
        boolean[] resent = store.apply(campaignId, resend, List.of(), null);
        List<CampaignDevice> ready = new ArrayList<>();
        for (int i = 0; i < resent.length; i++) {
            if (resent[i]) {
                ready.add(sent.get(i));
            }
        }
        if (!resend.isEmpty()) {
            LOG.info("campaign {} wave {}: {} devices sent before a restart without a recorded delivery go again",
                    campaignId, wave, resend.size());
        }
        List<InFlight> toRead = new ArrayList<>();
        for (DeviceState s : List.of(DeviceState.DELIVERED, DeviceState.ACTIVATED)) {
            for (CampaignDevice d : unfinished.getOrDefault(s, List.of())) {
                toRead.add(new InFlight(d, s, InFlight.Step.VERSION_READ, now));
            }
        }
        if (!toRead.isEmpty()) {
            LOG.info("campaign {} wave {}: {} devices delivered or activated before a restart are read (SRV 11.2)",
                    campaignId, wave, toRead.size());
        }
        ready.addAll(unfinished.getOrDefault(DeviceState.SCHEDULED, List.of()));
        return new Start(failed, finished, finalDevices, ready, toRead);
    }
}
