package org.secflow.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The writes of a wave's sending loop. DELIVERED and ACTIVATED are held back (at most {@link #HOLD}) and folded into
 * the device's next change: with a fast network a device goes from SENT to CONFIRMED in one write instead of three.
 * Crash-safe: a device whose delivery is not yet written is SENT in the store, and SENT devices are sent again after
 * a restart (their delivery was never recorded); nothing recorded is lost. Used on the loop's thread only.
 */
final class HeldWrites {
    /** Changes written late, at most {@link #HOLD} after they happened, folded into the device's next change. */
    private static final Set<DeviceState> HOLDABLE = EnumSet.of(DeviceState.DELIVERED, DeviceState.ACTIVATED);
    static final Duration HOLD = Duration.ofMillis(2000);
    /** How often held changes are looked at. */
    private static final long CHECK_EVERY_MS = 50;

    /** A change held back since {@code since}, to be written with the device's next one or after {@link #HOLD}. */
    private record Held(DeviceTransition transition, Instant since) {
    }

    private final CampaignStore store;
    private final String campaignId;
    private final String imageVersion;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private Instant checkedAt = Instant.EPOCH;

    HeldWrites(CampaignStore store, String campaignId, String imageVersion) {
        this.store = store;
        this.campaignId = campaignId;
        this.imageVersion = imageVersion;
    }

    /** Changes held now. */
    int size() {
        return held.size();
    }

    /**
     * Writes {@code transitions} (the SMI learns the {@code confirmed} devices' version in the same transaction),
     * holding the DELIVERED and ACTIVATED ones of devices still in flight.
     *
     * @return the final states that applied, one per device that reached one
     */
    List<DeviceState> write(List<DeviceTransition> transitions, List<String> confirmed, Instant now,
                            Predicate<String> inFlight) {
        List<DeviceTransition> write = new ArrayList<>(transitions.size());
        List<DeviceTransition> unfoldable = new ArrayList<>();
        for (DeviceTransition t : transitions) {
            Held h = held.remove(t.deviceId());
            DeviceTransition merged = h == null ? t : h.transition().then(t);
            if (merged == null) {
                unfoldable.add(h.transition()); // written first, on its own
                merged = t;
            }
            if (HOLDABLE.contains(merged.to()) && inFlight.test(t.deviceId())) {
                held.put(t.deviceId(), new Held(merged, h == null ? now : h.since()));
            } else {
                write.add(merged);
            }
        }
        if (!unfoldable.isEmpty()) {
            store.apply(campaignId, unfoldable, List.of(), null);
        }
        boolean[] applied = store.apply(campaignId, write, confirmed, imageVersion);
        List<DeviceState> finals = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            if (applied[i] && write.get(i).to().isFinal()) {
                finals.add(write.get(i).to());
            }
        }
        return finals;
    }

    /** Writes the held changes older than {@link #HOLD}, looking at most every 50 ms. */
    void writeDue(Instant now) {
        if (!held.isEmpty() && Duration.between(checkedAt, now).toMillis() >= CHECK_EVERY_MS) {
            writeHeld(now, false);
        }
    }

    /** Writes every held change (the loop ends). */
    void writeAll(Instant now) {
        writeHeld(now, true);
    }

    private void writeHeld(Instant now, boolean all) {
        checkedAt = now;
        List<DeviceTransition> due = new ArrayList<>();
        for (var it = held.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (all || !h.since().plus(HOLD).isAfter(now)) {
                due.add(h.transition());
                it.remove();
            }
        }
        store.apply(campaignId, due, List.of(), null);
    }

    /** Successive changes of one device in a batch become one write (e.g. DELIVERED then ACTIVATED). */
    static List<DeviceTransition> coalesce(List<DeviceTransition> transitions) {
        Map<String, Integer> last = new HashMap<>();
        List<DeviceTransition> out = new ArrayList<>(transitions.size());
        for (DeviceTransition t : transitions) {
            Integer i = last.get(t.deviceId());
            DeviceTransition merged = i == null ? null : out.get(i).then(t);
            if (merged != null) {
                out.set(i, merged);
            } else {
                last.put(t.deviceId(), out.size());
                out.add(t);
            }
        }
        return out;
    }
}
