package org.secflow.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending loop of one wave of a campaign: sends its devices and follows each to a final state. One thread per
 * running wave; it alone changes the wave's devices, so its in-memory view (ready queue, retries, devices in flight)
 * stays consistent with the store, which holds the truth. Its parts: {@link WaveRecovery} (how it starts, after a
 * restart too), {@link WaveGates} (the HAN gate, BR9, and the High Impact Planned Maintenance gate),
 * {@link DeviceProgress} (what an event, or no event within the device timeout, means), {@link HeldWrites} (the
 * writes, DELIVERED and ACTIVATED held up to two seconds and folded into the next change). Every change is a move of
 * {@link DeviceMove}.
 *
 * <p>A device is recorded SENT (committed) <em>before</em> SRV 11.4 goes to the DSP; a crash before its delivery is
 * written leaves it SENT and it is sent again after the restart; once its delivery is recorded it is never sent again.
 *
 * <p>About 400 lines: what is left is the loop and the state only its thread may touch (ready queue, retries,
 * devices in flight, counts); splitting that further would share mutable state across classes.
 */
final class CampaignDriver implements Runnable, DeviceProgress.Loop {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignDriver.class);
    /** How long a device whose update or HAN another holder has waits before it is tried again. */
    private static final Duration CLAIM_RETRY = Duration.ofMillis(500);
    private static final long SWEEP_EVERY_MS = 200;

    /** How a wave ended. */
    enum WaveEnd { COMPLETE, PAUSED, CANCELLED, STOPPED }

    /** Told when the wave has ended (on the driver's thread). */
    interface WaveEndListener {
        void waveEnded(String campaignId, int wave, WaveEnd end);
    }

    /** Tuning: devices in flight at most, devices per dispatch round. */
    record Settings(int maxInFlight, int batch) {
    }

    private record Due<T>(Instant at, T what) implements Comparable<Due<T>> {
        @Override
        public int compareTo(Due<T> o) {
            return at.compareTo(o.at);
        }
    }

    private final String campaignId;
    private final int wave;
    private final CampaignStore store;
    private final CampaignDefinition def;
    private final Clock clock;
    private final WaveEndListener onEnd;
    private final Settings settings;
    private final WaveGates gates;
    private final HeldWrites writes;
    private final DeviceProgress progress;
    private final WaveRequests requests;

    private final LinkedBlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private final ArrayDeque<CampaignDevice> ready = new ArrayDeque<>();
    private final PriorityQueue<Due<CampaignDevice>> retries = new PriorityQueue<>();
    private final PriorityQueue<Due<InFlight>> rereads = new PriorityQueue<>();
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private final Map<String, InFlight> byRequest = new HashMap<>();
    /** SRV 11.2 reads asked for and not yet handed to the DSP (see {@link #submitReads}). */
    private final List<InFlight> pendingReads = new ArrayList<>();
    private long failed;
    private long finished;
    /** Devices of the whole campaign in a final state (SKIPPED and CANCELLED too), for progress; written by this thread. */
    private volatile long finalDevices;
    private volatile boolean pauseRequested;
    private volatile boolean cancelRequested;
    private volatile boolean stopRequested;

    CampaignDriver(String campaignId, int wave, CampaignStore store, CampaignDefinition def, FirmwareImage image,
                   String userId, String userRole, Supplier<Optional<Dsp>> dsp, HanLocks hans,
                   Supplier<Optional<String>> maintenanceBlock, Clock clock, Settings settings, WaveEndListener onEnd) {
        this(campaignId, wave, store, def, image, userId, userRole, dsp, hans, maintenanceBlock, clock, settings, onEnd, ids -> { });
    }

    /** @param routesAhead reads the routes of devices about to be sent requests in one go (see {@link WaveRequests}) */
    CampaignDriver(String campaignId, int wave, CampaignStore store, CampaignDefinition def, FirmwareImage image,
                   String userId, String userRole, Supplier<Optional<Dsp>> dsp, HanLocks hans,
                   Supplier<Optional<String>> maintenanceBlock, Clock clock, Settings settings, WaveEndListener onEnd,
                   java.util.function.Consumer<List<String>> routesAhead) {
        this.campaignId = campaignId;
        this.wave = wave;
        this.store = store;
        this.def = def;
        this.clock = clock;
        this.settings = settings;
        this.onEnd = onEnd;
        this.gates = new WaveGates(hans, maintenanceBlock, store, campaignId);
        this.writes = new HeldWrites(store, campaignId, image.version());
        this.progress = new DeviceProgress(def, image, this);
        this.requests = new WaveRequests(campaignId, wave, image, userId, userRole, dsp, events::add, clock, routesAhead);
    }

    int wave() {
        return wave;
    }

    void requestPause() {
        pauseRequested = true;
    }

    void clearPause() {
        pauseRequested = false;
    }

    boolean pauseRequested() {
        return pauseRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    /** Stops the thread without ending the wave (platform shutdown); the store keeps everything for recovery. */
    void stop() {
        stopRequested = true;
    }

    /**
     * Devices of the campaign in a final state, kept by this loop as it applies transitions (read from the store at
     * {@link #recover}): a progress figure that costs no query. The store stays the truth.
     */
    long finalDevices() {
        return finalDevices;
    }

    /** Why sending waits (a Planned Maintenance window), or null. */
    String waitingReason() {
        return gates.waitingReason();
    }

    /** Loads the wave from the store ({@link WaveRecovery}); devices delivered or activated are read at once. */
    void recover() {
        WaveRecovery.Start start = WaveRecovery.start(store, campaignId, wave, clock.instant());
        failed = start.failed();
        finished = start.finished();
        finalDevices = start.finalDevices();
        ready.addAll(start.ready());
        for (InFlight f : start.toRead()) {
            gates.hold(f.device);
            inFlight.put(f.deviceId(), f);
            readVersion(f);
        }
        submitReads();
    }

    @Override
    public void run() {
        Thread.currentThread().setName("campaign-" + campaignId.substring(0, 8) + "-wave-" + wave);
        WaveEnd end = WaveEnd.STOPPED;
        try {
            Instant lastSweep = clock.instant();
            List<DeviceEvent> batch = new ArrayList<>();
            while (!stopRequested) {
                DeviceEvent first = events.poll(inFlight.isEmpty() && ready.isEmpty() ? 20 : 2, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    events.drainTo(batch, 20_000);
                    apply(batch);
                    batch.clear();
                }
                Instant now = clock.instant();
                writes.writeDue(now);
                if (Duration.between(lastSweep, now).toMillis() >= SWEEP_EVERY_MS) {
                    sweep(now);
                    lastSweep = now;
                }
                while (!rereads.isEmpty() && !rereads.peek().at().isAfter(now)) {
                    InFlight f = rereads.poll().what();
                    if (inFlight.get(f.deviceId()) == f) { // a read changes nothing on the device: no gate holds it
                        byRequest.remove(f.requestId);
                        readVersion(f);
                    }
                }
                submitReads();
                if (cancelRequested) {
                    cancelUnsent(now);
                }
                if (!pauseRequested && !cancelRequested && !gates.maintenanceBlocked(now)) {
                    dispatch(now);
                }
                if (inFlight.isEmpty()) {
                    if (cancelRequested) {
                        end = WaveEnd.CANCELLED;
                        break;
                    }
                    if (pauseRequested) {
                        end = WaveEnd.PAUSED;
                        break;
                    }
                    if (ready.isEmpty() && gates.nothingParked() && retries.isEmpty()) {
                        end = WaveEnd.COMPLETE;
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("campaign {} wave {}: the sending loop failed; the store keeps every device's state and a "
                    + "restart recovers it", campaignId, wave, e);
            end = WaveEnd.STOPPED;
        }
        try {
            writes.writeAll(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("campaign {} wave {}: {} delivered or activated devices not written; a restart reads their version",
                    campaignId, wave, writes.size(), e);
        }
        if (end != WaveEnd.STOPPED) {
            onEnd.waveEnded(campaignId, wave, end);
        }
    }

    private void dispatch(Instant now) {
        while (!retries.isEmpty() && !retries.peek().at().isAfter(now)) {
            ready.addFirst(retries.poll().what());
        }
        int room = Math.min(settings.batch(), settings.maxInFlight() - inFlight.size());
        if (room <= 0 || ready.isEmpty()) {
            return;
        }
        List<CampaignDevice> picked = new ArrayList<>();
        while (room > 0 && !ready.isEmpty()) {
            CampaignDevice d = ready.poll();
            if (gates.take(d)) {
                room--;
                picked.add(d);
            }
        }
        // the database's claims keep the same rules across processes (and against SRV 11.4 Service Requests): a
        // device not taken waits and is tried again
        boolean[] claimed = store.claim(campaignId, picked, now);
        List<InFlight> updates = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            CampaignDevice d = picked.get(i);
            if (!claimed[i]) {
                release(d);
                retryAt(now.plus(CLAIM_RETRY), d);
            } else if (d.batteryPowered()) {
                InFlight f = new InFlight(d, DeviceState.SCHEDULED, InFlight.Step.BATTERY_CHECK, now);
                inFlight.put(d.deviceId(), f);
                readVersion(f);
            } else {
                updates.add(new InFlight(d, DeviceState.SCHEDULED, InFlight.Step.UPDATE, now));
            }
        }
        submitReads();
        send(updates, now);
    }

    /** Records SENT for each (committed), then hands SRV 11.4 to the DSP. */
    private void send(List<InFlight> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        List<DeviceTransition> sent = new ArrayList<>(updates.size());
        for (InFlight f : updates) {
            f.requestId = requests.nextId();
            sent.add(new DeviceTransition(DeviceMove.SEND, f.deviceId(), null, null, f.requestId, false, now));
        }
        boolean[] applied = store.apply(campaignId, sent, List.of(), null);
        Optional<Dsp> target = requests.target();
        List<String> notSent = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            InFlight f = updates.get(i);
            if (!applied[i]) {
                release(f.device);
                notSent.add(f.deviceId());
                continue;
            }
            f.state = DeviceState.SENT;
            f.step = InFlight.Step.UPDATE;
            f.lastProgress = now;
            inFlight.put(f.deviceId(), f);
            byRequest.put(f.requestId, f);
        }
        requests.readRoutesAhead(updates.stream().filter(f -> f.state == DeviceState.SENT).map(InFlight::deviceId).toList());
        for (InFlight f : updates) {
            if (f.state == DeviceState.SENT) {
                requests.updateFirmware(target, f.requestId, f.deviceId());
            }
        }
        store.releaseClaims(campaignId, notSent);
    }

    /**
     * Hands SRV 11.2 for the device to the DSP (a battery read, or a version read) with the others asked for in the
     * same step of the loop ({@link #submitReads}).
     */
    @Override
    public void readVersion(InFlight f) {
        pendingReads.add(f);
    }

    /** Hands the SRV 11.2 reads asked for to the DSP, their devices' routes read ahead in one query. */
    private void submitReads() {
        if (pendingReads.isEmpty()) {
            return;
        }
        requests.readRoutesAhead(pendingReads.stream().map(InFlight::deviceId).toList());
        for (InFlight f : pendingReads) {
            f.requestId = requests.readFirmwareVersion(f.deviceId());
            byRequest.put(f.requestId, f);
        }
        pendingReads.clear();
    }

    /** Turns a batch of events into transitions, writes them together, then acts on them. */
    private void apply(List<DeviceEvent> batch) {
        Instant now = clock.instant();
        List<DeviceTransition> transitions = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        for (DeviceEvent e : batch) {
            InFlight f = byRequest.get(e.correlationId());
            if (f == null || !e.correlationId().equals(f.requestId) || inFlight.get(f.deviceId()) != f) {
                continue; // an answer to an earlier request of this device, or a repeat after a final state
            }
            progress.onEvent(f, e, now, transitions, after, confirmed);
        }
        write(transitions, confirmed, after, now);
        if (!pauseRequested && def.errorThresholdCrossed(failed, finished)) {
            pauseRequested = true;
            String reason = "error threshold crossed: " + failed + " failed of " + finished + " finished (count limit "
                    + def.errorThresholdCount() + ", percentage limit " + def.errorThresholdPercent() + ")";
            store.update(campaignId, "pause_reason", reason, now);
            store.update(campaignId, "state", CampaignState.PAUSED, now);
            LOG.warn("campaign {}: {}", campaignId, reason);
        }
    }

    /** Writes the changes (held or not, see {@link HeldWrites}), counts the final ones, then runs {@code after}. */
    private void write(List<DeviceTransition> transitions, List<String> confirmed, List<Runnable> after, Instant now) {
        if (!transitions.isEmpty()) {
            for (DeviceState to : writes.write(HeldWrites.coalesce(transitions), confirmed, now, inFlight::containsKey)) {
                finalDevices++;
                finished++;
                if (DeviceState.FAILED.contains(to)) {
                    failed++;
                }
            }
        }
        after.forEach(Runnable::run);
        submitReads();
    }

    /** HANs other campaigns freed, and devices past their timeout. */
    private void sweep(Instant now) {
        gates.freed().forEach(ready::addFirst);
        List<DeviceTransition> out = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        for (InFlight f : List.copyOf(inFlight.values())) {
            progress.timeOutIfDue(f, now, out, after);
        }
        write(out, List.of(), after, now);
    }

    /** Cancel: every device not yet sent becomes CANCELLED; devices in flight run to their final state. */
    private void cancelUnsent(Instant now) {
        List<CampaignDevice> unsent = new ArrayList<>(ready);
        unsent.addAll(gates.drainParked());
        retries.forEach(r -> unsent.add(r.what()));
        ready.clear();
        retries.clear();
        if (unsent.isEmpty()) {
            return;
        }
        List<DeviceTransition> out = new ArrayList<>();
        for (CampaignDevice d : unsent) {
            out.add(new DeviceTransition(DeviceMove.CANCEL_UNSENT, d.deviceId(), "campaign cancelled before sending",
                    null, null, false, now));
        }
        for (boolean applied : store.apply(campaignId, out, List.of(), null)) {
            if (applied) {
                finalDevices++;
            }
        }
    }

    // ---- DeviceProgress.Loop ----

    @Override
    public void finish(InFlight f) {
        inFlight.remove(f.deviceId());
        byRequest.remove(f.requestId);
    }

    /** Frees the device's HAN and lets the next device parked on it go first. */
    @Override
    public void release(CampaignDevice d) {
        CampaignDevice next = gates.release(d);
        if (next != null) {
            ready.addFirst(next);
        }
    }

    @Override
    public void retryAt(Instant notBefore, CampaignDevice d) {
        retries.add(new Due<>(notBefore, d));
    }

    @Override
    public void rereadAt(Instant at, InFlight f) {
        rereads.add(new Due<>(at, f));
    }

    @Override
    public void cancel(String requestId) {
        requests.cancel(requestId);
    }

    @Override
    public void sendAfterBatteryRead(CampaignDevice d, Instant now) {
        send(List.of(new InFlight(d, DeviceState.SCHEDULED, InFlight.Step.UPDATE, now)), now);
    }
}
