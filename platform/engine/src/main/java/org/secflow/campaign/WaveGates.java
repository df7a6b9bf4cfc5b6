package org.secflow.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a wave's devices wait for before they are sent. The HAN gate (BR9): a device goes only while its HAN holds no
 * other device updating ({@link HanLocks}, across campaigns); a device whose HAN is busy is parked behind it and goes
 * first when the HAN frees. The maintenance gate: nothing is sent while a High Impact Planned Maintenance window is
 * open (asked at most once a second; the reason is recorded on the campaign). Used on the loop's thread only.
 */
final class WaveGates {
    private static final long MAINTENANCE_EVERY_MS = 1000;

    private final HanLocks hans;
    private final Supplier<Optional<String>> maintenanceBlock;
    private final CampaignStore store;
    private final String campaignId;
    private final Map<String, ArrayDeque<CampaignDevice>> parked = new HashMap<>();
    private Instant maintenanceCheckedAt = Instant.EPOCH;
    private Optional<String> maintenance = Optional.empty();
    private volatile String waitingReason;

    WaveGates(HanLocks hans, Supplier<Optional<String>> maintenanceBlock, CampaignStore store, String campaignId) {
        this.hans = hans;
        this.maintenanceBlock = maintenanceBlock;
        this.store = store;
        this.campaignId = campaignId;
    }

    /** Takes the device's HAN, or parks the device behind it and returns false. */
    boolean take(CampaignDevice d) {
        if (d.hubId() == null || hans.tryLock(d.hubId())) {
            return true;
        }
        parked.computeIfAbsent(d.hubId(), k -> new ArrayDeque<>()).add(d);
        return false;
    }

    /** Takes the HAN of a device found in flight after a restart. */
    void hold(CampaignDevice d) {
        if (d.hubId() != null) {
            hans.lock(d.hubId());
        }
    }

    /** Frees the device's HAN; returns the next device parked on it (to go first), or null. */
    CampaignDevice release(CampaignDevice d) {
        if (d.hubId() == null) {
            return null;
        }
        hans.unlock(d.hubId());
        ArrayDeque<CampaignDevice> waiting = parked.get(d.hubId());
        if (waiting == null) {
            return null;
        }
        CampaignDevice next = waiting.poll();
        if (waiting.isEmpty()) {
            parked.remove(d.hubId());
        }
        return next;
    }

    /** One parked device of each HAN another campaign has freed meanwhile. */
    List<CampaignDevice> freed() {
        List<CampaignDevice> out = new ArrayList<>();
        for (var it = parked.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!hans.isLocked(e.getKey())) {
                out.add(e.getValue().poll());
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
        return out;
    }

    boolean nothingParked() {
        return parked.isEmpty();
    }

    /** Removes and returns every parked device (the campaign is cancelled). */
    List<CampaignDevice> drainParked() {
        List<CampaignDevice> out = new ArrayList<>();
        parked.values().forEach(out::addAll);
        parked.clear();
        return out;
    }

    /** Whether a High Impact Planned Maintenance window holds sending now; records the reason when it changes. */
    boolean maintenanceBlocked(Instant now) {
        if (Duration.between(maintenanceCheckedAt, now).toMillis() >= MAINTENANCE_EVERY_MS) {
            maintenance = maintenanceBlock.get();
            maintenanceCheckedAt = now;
            String reason = maintenance.orElse(null);
            if (!Objects.equals(reason, waitingReason)) {
                waitingReason = reason;
                store.update(campaignId, "waiting_reason", reason, now);
            }
        }
        return maintenance.isPresent();
    }

    /** Why sending waits (a Planned Maintenance window), or null. Any thread. */
    String waitingReason() {
        return waitingReason;
    }
}
