package org.secflow.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceId;
import org.secflow.spi.Dsp;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.ServiceRequest;
import org.secflow.spi.ServiceRequestAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one wave of a campaign and follows every device to a final state (campaign steps 4-7, docs/architecture.md). One thread per
 * running wave; it alone changes the wave's devices, so its in-memory view (ready queue, parked devices per HAN,
 * retries, devices in flight) stays consistent with the store, which holds the truth.
 *
 * <p>Per device: SCHEDULED → SENT (written and committed <em>before</em> SRV 11.4 goes to the DSP) → DELIVERED
 * (0x8F8A) → ACTIVATED (0x8F8B result 0, DCC Alert N39) → SRV 11.2 read → CONFIRMED when the version read is the
 * image's (SMI updated in the same transaction, BR5-BR7). Failures: 0x8F89 and CSP/DSP failures retry with back-off
 * while retryable and attempts remain, else DELIVERY_FAILED; 0x8F8B non-zero or another version read is
 * ACTIVATION_FAILED; no progress within the device timeout is TIMED_OUT.
 *
 * <p>Safety on the HAN (DCC Preliminary Impact Assessment for SECMP0170 BR9, BR10): a device is sent only while its HAN holds no other device updating
 * ({@link HanLocks}, across campaigns); a battery-powered Alt HAN bridge is read first (SRV 11.2) and not sent while
 * it reports its battery low. Nothing is sent while a High Impact Planned Maintenance window is open.
 *
 * <p>Events are applied in batches; each applies only from the states it expects (see {@link DeviceTransition}),
 * so a repeated callback changes and counts nothing. DELIVERED and ACTIVATED are written up to two seconds late,
 * folded into the device's next change when it comes sooner (on a fast network SENT to CONFIRMED is one write; see
 * {@link #persist}); a crash in between leaves the device SENT, the state whose delivery was not recorded. After a
 * crash, {@link #recover} resends devices whose delivery was not recorded (SENT) and re-reads the version of those
 * delivered or activated, never resending them.
 */
final class CampaignDriver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignDriver.class);
    private static final Set<String> RETRYABLE = Set.of("FILE_TRANSFER_FAILURE", "BATTERY_LOW");
    private static final Set<DeviceState> SENDABLE = EnumSet.of(DeviceState.SCHEDULED);
    /** Changes written late, at most {@link #HOLD} after they happened, folded into the device's next change. */
    private static final Set<DeviceState> HOLDABLE = EnumSet.of(DeviceState.DELIVERED, DeviceState.ACTIVATED);
    private static final Duration HOLD = Duration.ofMillis(2000);
    /** How long a device whose update or HAN another holder has waits before it is tried again. */
    private static final Duration CLAIM_RETRY = Duration.ofMillis(500);

    /** How a wave ended. */
    enum WaveEnd { COMPLETE, PAUSED, CANCELLED, STOPPED }

    /** Told when the wave has ended (on the driver's thread). */
    interface WaveEndListener {
        void waveEnded(String campaignId, int wave, WaveEnd end);
    }

    /** Tuning: devices in flight at most, devices per dispatch round. */
    record Settings(int maxInFlight, int batch) {
    }

    private final String campaignId;
    private final int wave;
    private final CampaignStore store;
    private final CampaignDefinition def;
    private final FirmwareImage image;
    private final String userId;
    private final String userRole;
    private final Supplier<Optional<Dsp>> dsp;
    private final HanLocks hans;
    private final Supplier<Optional<String>> maintenanceBlock;
    private final Clock clock;
    private final WaveEndListener onEnd;
    private final Settings settings;

    private final LinkedBlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private final ArrayDeque<CampaignDevice> ready = new ArrayDeque<>();
    private final Map<String, ArrayDeque<CampaignDevice>> parked = new HashMap<>();
    private final PriorityQueue<Retry> retries = new PriorityQueue<>();
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private final Map<String, InFlight> byRequest = new HashMap<>();
    /** DELIVERED and ACTIVATED changes not yet written, by device (see {@link #persist}). */
    private final Map<String, Held> held = new java.util.LinkedHashMap<>();
    private Instant heldCheckedAt = Instant.EPOCH;
    private long failed;
    private long finished;
    /** Devices of the whole campaign in a final state (SKIPPED and CANCELLED too), for progress; written by this thread. */
    private volatile long finalDevices;
    private long requestCounter;
    private volatile boolean pauseRequested;
    private volatile boolean cancelRequested;
    private volatile boolean stopRequested;
    private volatile String waitingReason;
    private Instant maintenanceCheckedAt = Instant.EPOCH;
    private Optional<String> maintenance = Optional.empty();

    private enum Step { BATTERY_CHECK, UPDATE, VERSION_READ }

    private static final class InFlight {
        final CampaignDevice device;
        DeviceState state;
        Step step;
        String requestId;
        Instant lastProgress;

        InFlight(CampaignDevice device, DeviceState state, Step step, Instant at) {
            this.device = device;
            this.state = state;
            this.step = step;
            this.lastProgress = at;
        }
    }

    /** A change held back since {@code since}, to be written with the device's next one or after {@link #HOLD}. */
    private record Held(DeviceTransition transition, Instant since) {
    }

    private record Retry(Instant notBefore, CampaignDevice device) implements Comparable<Retry> {
        @Override
        public int compareTo(Retry o) {
            return notBefore.compareTo(o.notBefore);
        }
    }

    CampaignDriver(String campaignId, int wave, CampaignStore store, CampaignDefinition def, FirmwareImage image,
                   String userId, String userRole, Supplier<Optional<Dsp>> dsp, HanLocks hans,
                   Supplier<Optional<String>> maintenanceBlock, Clock clock, Settings settings, WaveEndListener onEnd) {
        this.campaignId = campaignId;
        this.wave = wave;
        this.store = store;
        this.def = def;
        this.image = image;
        this.userId = userId;
        this.userRole = userRole;
        this.dsp = dsp;
        this.hans = hans;
        this.maintenanceBlock = maintenanceBlock;
        this.clock = clock;
        this.settings = settings;
        this.onEnd = onEnd;
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
        return waitingReason;
    }

    /**
     * Loads the wave from the store. Devices SENT without a recorded delivery go back to SCHEDULED (their delivery
     * was never recorded, so sending again is safe); DELIVERED and ACTIVATED ones get an SRV 11.2 read.
     */
    void recover() {
        Instant now = clock.instant();
        Map<DeviceState, Long> all = store.countByState(campaignId, null);
        long atStart = 0;
        for (DeviceState s : DeviceState.FAILED) {
            failed += all.getOrDefault(s, 0L);
        }
        for (DeviceState s : DeviceState.FINAL) {
            atStart += all.getOrDefault(s, 0L);
            if (s != DeviceState.SKIPPED && s != DeviceState.CANCELLED) {
                finished += all.getOrDefault(s, 0L);
            }
        }
        finalDevices = atStart;
        // one read of the wave's unfinished devices, split by state
        Map<DeviceState, List<CampaignDevice>> unfinished = store.devicesIn(campaignId, wave, EnumSet.of(DeviceState.SCHEDULED,
                DeviceState.SENT, DeviceState.DELIVERED, DeviceState.ACTIVATED));
        List<DeviceTransition> resend = new ArrayList<>();
        for (CampaignDevice d : unfinished.getOrDefault(DeviceState.SENT, List.of())) {
            resend.add(new DeviceTransition(d.deviceId(), Set.of(DeviceState.SENT), DeviceState.SCHEDULED,
                    "restarted before the delivery was recorded; sent again", null, null, false, now));
        }
        boolean[] resent = store.apply(campaignId, resend, List.of(), null);
        for (int i = 0; i < resent.length; i++) {
            if (resent[i]) {
                ready.add(unfinished.get(DeviceState.SENT).get(i));
            }
        }
        if (!resend.isEmpty()) {
            LOG.info("campaign {} wave {}: {} devices sent before a restart without a recorded delivery go again",
                    campaignId, wave, resend.size());
        }
        for (DeviceState s : List.of(DeviceState.DELIVERED, DeviceState.ACTIVATED)) {
            for (CampaignDevice d : unfinished.getOrDefault(s, List.of())) {
                if (d.hubId() != null) {
                    hans.lock(d.hubId());
                }
                InFlight f = new InFlight(d, s, Step.VERSION_READ, now);
                inFlight.put(d.deviceId(), f);
                submitRead(f);
            }
        }
        ready.addAll(unfinished.getOrDefault(DeviceState.SCHEDULED, List.of()));
    }

    /** Called by the DSP's callbacks, on any thread. */
    private void onEvent(DeviceEvent e) {
        events.add(e);
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
                if (!held.isEmpty() && Duration.between(heldCheckedAt, now).toMillis() >= 50) {
                    writeHeld(now, false);
                }
                if (Duration.between(lastSweep, now).toMillis() >= 200) {
                    sweepTimeouts(now);
                    lastSweep = now;
                }
                if (cancelRequested) {
                    cancelUnsent(now);
                }
                boolean stopSending = pauseRequested || cancelRequested;
                if (!stopSending && !maintenanceBlocked(now)) {
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
                    if (ready.isEmpty() && parked.isEmpty() && retries.isEmpty()) {
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
            writeHeld(clock.instant(), true);
        } catch (RuntimeException e) {
            LOG.warn("campaign {} wave {}: {} delivered or activated devices not written; a restart reads their version",
                    campaignId, wave, held.size(), e);
        }
        if (end != WaveEnd.STOPPED) {
            onEnd.waveEnded(campaignId, wave, end);
        }
    }

    private boolean maintenanceBlocked(Instant now) {
        if (Duration.between(maintenanceCheckedAt, now).toMillis() >= 1000) {
            maintenance = maintenanceBlock.get();
            maintenanceCheckedAt = now;
            String reason = maintenance.orElse(null);
            if (!java.util.Objects.equals(reason, waitingReason)) {
                waitingReason = reason;
                store.update(campaignId, "waiting_reason", reason, now);
            }
        }
        return maintenance.isPresent();
    }

    private void dispatch(Instant now) {
        while (!retries.isEmpty() && !retries.peek().notBefore().isAfter(now)) {
            ready.addFirst(retries.poll().device());
        }
        int room = Math.min(settings.batch(), settings.maxInFlight() - inFlight.size());
        if (room <= 0 || ready.isEmpty()) {
            return;
        }
        List<InFlight> updates = new ArrayList<>();
        List<InFlight> batteryChecks = new ArrayList<>();
        List<CampaignDevice> picked = new ArrayList<>();
        while (room > 0 && !ready.isEmpty()) {
            CampaignDevice d = ready.poll();
            if (d.hubId() != null && !hans.tryLock(d.hubId())) {
                parked.computeIfAbsent(d.hubId(), k -> new ArrayDeque<>()).add(d);
                continue;
            }
            room--;
            picked.add(d);
        }
        // the database's claims keep the same rules across processes (and against SRV 11.4 Service Requests): a
        // device not taken waits and is tried again
        boolean[] claimed = store.claim(campaignId, picked, now);
        for (int i = 0; i < picked.size(); i++) {
            CampaignDevice d = picked.get(i);
            if (!claimed[i]) {
                release(d);
                retries.add(new Retry(now.plus(CLAIM_RETRY), d));
                continue;
            }
            if (d.batteryPowered()) {
                batteryChecks.add(new InFlight(d, DeviceState.SCHEDULED, Step.BATTERY_CHECK, now));
            } else {
                updates.add(new InFlight(d, DeviceState.SCHEDULED, Step.UPDATE, now));
            }
        }
        for (InFlight f : batteryChecks) {
            inFlight.put(f.device.deviceId(), f);
            submitRead(f);
        }
        send(updates, now);
    }

    /** Records SENT for each (committed), then hands SRV 11.4 to the DSP. */
    private void send(List<InFlight> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        List<DeviceTransition> sent = new ArrayList<>(updates.size());
        for (InFlight f : updates) {
            f.requestId = nextRequestId();
            sent.add(new DeviceTransition(f.device.deviceId(), SENDABLE, DeviceState.SENT, null, null, f.requestId, false, now));
        }
        boolean[] applied = store.apply(campaignId, sent, List.of(), null);
        Optional<Dsp> target = dsp.get();
        List<String> notSent = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            InFlight f = updates.get(i);
            if (!applied[i]) {
                release(f.device);
                notSent.add(f.device.deviceId());
                continue;
            }
            f.state = DeviceState.SENT;
            f.step = Step.UPDATE;
            f.lastProgress = now;
            inFlight.put(f.device.deviceId(), f);
            byRequest.put(f.requestId, f);
            ServiceRequestAck ack = submit(target, new ServiceRequest(f.requestId, "11.4", userId, userRole,
                    new DeviceId(f.device.deviceId()), Map.of("campaignId", campaignId), image));
            if (!ack.accepted()) {
                events.add(new DeviceEvent(f.requestId, new DeviceId(f.device.deviceId()), DeviceEvent.Stage.FAILED,
                        null, Map.of("reason", "DSP_REJECTED: " + ack.reason()), now));
            }
        }
        store.releaseClaims(campaignId, notSent);
    }

    private void submitRead(InFlight f) {
        f.requestId = nextRequestId();
        byRequest.put(f.requestId, f);
        ServiceRequestAck ack = submit(dsp.get(), new ServiceRequest(f.requestId, "11.2", userId, userRole,
                new DeviceId(f.device.deviceId()), Map.of("campaignId", campaignId), null));
        if (!ack.accepted()) {
            events.add(new DeviceEvent(f.requestId, new DeviceId(f.device.deviceId()), DeviceEvent.Stage.FAILED, null,
                    Map.of("reason", "DSP_REJECTED: " + ack.reason()), clock.instant()));
        }
    }

    private ServiceRequestAck submit(Optional<Dsp> target, ServiceRequest request) {
        if (target.isEmpty()) {
            return ServiceRequestAck.rejected(request.requestId(), "no DSP is configured");
        }
        try {
            return target.get().submit(request, this::onEvent);
        } catch (RuntimeException e) {
            return ServiceRequestAck.rejected(request.requestId(), "the DSP failed: " + e.getMessage());
        }
    }

    private String nextRequestId() {
        return campaignId.substring(0, 8) + "-" + wave + "-" + (++requestCounter);
    }

    /** Turns a batch of events into transitions, applies them together, then acts on those that applied. */
    private void apply(List<DeviceEvent> batch) {
        Instant now = clock.instant();
        List<DeviceTransition> transitions = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        for (DeviceEvent e : batch) {
            InFlight f = byRequest.get(e.correlationId());
            if (f == null || !e.correlationId().equals(f.requestId) || inFlight.get(f.device.deviceId()) != f) {
                continue; // an answer to an earlier request of this device, or a repeat after a final state
            }
            f.lastProgress = now;
            switch (f.step) {
                case BATTERY_CHECK -> batteryChecked(f, e, now, transitions, after);
                case UPDATE -> updateProgress(f, e, now, transitions, after);
                case VERSION_READ -> versionRead(f, e, now, transitions, after, confirmed);
            }
        }
        if (transitions.isEmpty()) {
            after.forEach(Runnable::run);
            return;
        }
        transitions = coalesce(transitions);
        persist(transitions, confirmed, now);
        after.forEach(Runnable::run);
        if (!pauseRequested && def.errorThresholdCrossed(failed, finished)) {
            pauseRequested = true;
            String reason = "error threshold crossed: " + failed + " failed of " + finished + " finished (count limit "
                    + def.errorThresholdCount() + ", percentage limit " + def.errorThresholdPercent() + ")";
            store.update(campaignId, "pause_reason", reason, now);
            store.update(campaignId, "state", CampaignState.PAUSED, now);
            LOG.warn("campaign {}: {}", campaignId, reason);
        }
    }

    /**
     * Writes transitions of devices in flight. DELIVERED and ACTIVATED are held back (at most {@link #HOLD}) and
     * folded into the device's next change: with a fast network a device goes from SENT to CONFIRMED in one write
     * instead of two. Crash-safe as before: a device whose delivery is not yet written is SENT in the store, and
     * SENT devices are sent again after a restart (their delivery was never recorded); nothing recorded is lost.
     * Final changes that applied are counted (finished, failed, final devices).
     */
    private void persist(List<DeviceTransition> transitions, List<String> confirmed, Instant now) {
        List<DeviceTransition> write = new ArrayList<>(transitions.size());
        List<DeviceTransition> unfoldable = new ArrayList<>();
        for (DeviceTransition t : transitions) {
            Held h = held.remove(t.deviceId());
            DeviceTransition merged = h == null ? t : h.transition().then(t);
            if (merged == null) {
                unfoldable.add(h.transition()); // written first, on its own
                merged = t;
            }
            if (HOLDABLE.contains(merged.to()) && inFlight.containsKey(t.deviceId())) {
                held.put(t.deviceId(), new Held(merged, h == null ? now : h.since()));
            } else {
                write.add(merged);
            }
        }
        if (!unfoldable.isEmpty()) {
            store.apply(campaignId, unfoldable, List.of(), null);
        }
        boolean[] applied = store.apply(campaignId, write, confirmed, image.version());
        for (int i = 0; i < applied.length; i++) {
            DeviceState to = write.get(i).to();
            if (applied[i] && to.isFinal()) {
                finalDevices++;
                finished++;
                if (DeviceState.FAILED.contains(to)) {
                    failed++;
                }
            }
        }
    }

    /** Writes the held changes older than {@link #HOLD} (all of them when {@code all}). */
    private void writeHeld(Instant now, boolean all) {
        heldCheckedAt = now;
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
    private static List<DeviceTransition> coalesce(List<DeviceTransition> transitions) {
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

    private void batteryChecked(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        if (e.stage() == DeviceEvent.Stage.DEVICE_RESPONSE) {
            if ("true".equalsIgnoreCase(e.data().get("batteryLow"))) {
                retryOrGiveUp(f, now, "battery reported low (BR10)", DeviceState.SKIPPED, out, after);
            } else {
                finishInFlight(f);
                hans.unlock(f.device.hubId()); // send() takes it again at once
                after.add(() -> {
                    if (f.device.hubId() == null || hans.tryLock(f.device.hubId())) {
                        send(List.of(new InFlight(f.device, DeviceState.SCHEDULED, Step.UPDATE, now)), now);
                    } else {
                        ready.addFirst(f.device);
                    }
                });
            }
        } else if (e.stage() == DeviceEvent.Stage.FAILED) {
            retryOrGiveUp(f, now, "battery could not be read: " + e.data().get("reason"), DeviceState.SKIPPED, out, after);
        }
    }

    private void updateProgress(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        String id = f.device.deviceId();
        switch (e.stage()) {
            case ACCEPTED_BY_CSP, DELIVERED_TO_HUB, DEVICE_RESPONSE -> {
                // progress only: the timeout restarts
            }
            case FAILED -> retryOrGiveUp(f, now, "not delivered: " + e.data().get("reason"), DeviceState.DELIVERY_FAILED, out, after);
            case DEVICE_ALERT -> {
                GbcsAlert a = e.alert();
                if (a == GbcsAlert.FIRMWARE_TRANSFER_SUCCESS && f.state == DeviceState.SENT) {
                    out.add(new DeviceTransition(id, Set.of(DeviceState.SENT), DeviceState.DELIVERED, null, null, null, false, now));
                    f.state = DeviceState.DELIVERED;
                } else if (a == GbcsAlert.FIRMWARE_TRANSFER_FAILURE) {
                    String reason = e.data().getOrDefault("reason", "unknown");
                    if (RETRYABLE.contains(reason)) {
                        retryOrGiveUp(f, now, "0x8F89 " + reason, DeviceState.DELIVERY_FAILED, out, after);
                    } else {
                        finalState(f, DeviceState.DELIVERY_FAILED, "0x8F89 " + reason, now, out, after);
                    }
                } else if (a == GbcsAlert.FIRMWARE_ACTIVATION) {
                    if ("0".equals(e.data().get("result"))) {
                        out.add(new DeviceTransition(id, Set.of(DeviceState.SENT, DeviceState.DELIVERED), DeviceState.ACTIVATED,
                                e.data().containsKey("dccAlert") ? "DCC Alert " + e.data().get("dccAlert") : null, null, null, false, now));
                        f.state = DeviceState.ACTIVATED;
                        f.step = Step.VERSION_READ;
                        after.add(() -> submitRead(f));
                    } else {
                        finalState(f, DeviceState.ACTIVATION_FAILED, "0x8F8B result " + e.data().get("result"), now, out, after);
                    }
                }
            }
        }
    }

    private void versionRead(InFlight f, DeviceEvent e, Instant now, List<DeviceTransition> out, List<Runnable> after,
                             List<String> confirmed) {
        if (e.stage() != DeviceEvent.Stage.DEVICE_RESPONSE) {
            return; // a failed read leaves the device to its timeout
        }
        String version = e.data().get("firmwareVersion");
        if (image.version().equals(version)) {
            finalState(f, DeviceState.CONFIRMED, null, now, out, after);
            confirmed.add(f.device.deviceId());
        } else if (f.state == DeviceState.ACTIVATED) {
            finalState(f, DeviceState.ACTIVATION_FAILED, "SRV 11.2 read version " + version + ", expected " + image.version(),
                    now, out, after);
        }
        // DELIVERED (recovered after a restart) and not yet the new version: wait for the activation or the timeout
    }

    private void finalState(InFlight f, DeviceState to, String reason, Instant now, List<DeviceTransition> out, List<Runnable> after) {
        out.add(new DeviceTransition(f.device.deviceId(), DeviceState.IN_FLIGHT, to, reason, null, null, false, now));
        finishInFlight(f);
        after.add(() -> release(f.device));
    }

    private void retryOrGiveUp(InFlight f, Instant now, String reason, DeviceState giveUp, List<DeviceTransition> out,
                               List<Runnable> after) {
        Set<DeviceState> from = f.step == Step.BATTERY_CHECK ? Set.of(DeviceState.SCHEDULED) : DeviceState.IN_FLIGHT;
        finishInFlight(f);
        // once a delivery is recorded the device is never sent again: only SCHEDULED (battery read) or SENT retry
        boolean mayRetry = f.state == DeviceState.SCHEDULED || f.state == DeviceState.SENT;
        if (mayRetry && f.device.attempts() < def.maxRetries()) {
            from = f.step == Step.BATTERY_CHECK ? Set.of(DeviceState.SCHEDULED) : Set.of(DeviceState.SENT);
            Instant notBefore = now.plusMillis(def.retryBackoffMs() << Math.min(f.device.attempts(), 20));
            out.add(new DeviceTransition(f.device.deviceId(), from, DeviceState.SCHEDULED, reason + "; retry "
                    + (f.device.attempts() + 1) + " of " + def.maxRetries(), notBefore, null, true, now));
            CampaignDevice next = f.device.nextAttempt();
            after.add(() -> {
                release(f.device);
                retries.add(new Retry(notBefore, next));
            });
        } else {
            out.add(new DeviceTransition(f.device.deviceId(), from, giveUp, reason + (def.maxRetries() > 0
                    ? " (after " + def.maxRetries() + " retries)" : ""), null, null, false, now));
            after.add(() -> release(f.device));
        }
    }

    private void finishInFlight(InFlight f) {
        inFlight.remove(f.device.deviceId());
        byRequest.remove(f.requestId);
    }

    /** Frees the device's HAN and lets the next device parked on it go first. */
    private void release(CampaignDevice d) {
        if (d.hubId() == null) {
            return;
        }
        hans.unlock(d.hubId());
        ArrayDeque<CampaignDevice> waiting = parked.get(d.hubId());
        if (waiting != null) {
            ready.addFirst(waiting.poll());
            if (waiting.isEmpty()) {
                parked.remove(d.hubId());
            }
        }
    }

    private void sweepTimeouts(Instant now) {
        // devices parked behind a HAN another campaign was updating: free now?
        for (var it = parked.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!hans.isLocked(e.getKey())) {
                ready.addFirst(e.getValue().poll());
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
        List<DeviceTransition> out = new ArrayList<>();
        List<Runnable> after = new ArrayList<>();
        for (InFlight f : List.copyOf(inFlight.values())) {
            if (Duration.between(f.lastProgress, now).toMillis() < def.deviceTimeoutMs()) {
                continue;
            }
            if (f.step == Step.BATTERY_CHECK) {
                retryOrGiveUp(f, now, "no answer to the battery read", DeviceState.SKIPPED, out, after);
            } else {
                finalState(f, DeviceState.TIMED_OUT, "no progress for " + def.deviceTimeoutMs() + " ms (last state "
                        + f.state + ")", now, out, after);
            }
        }
        if (!out.isEmpty()) {
            persist(out, List.of(), now);
            after.forEach(Runnable::run);
        }
    }

    /** Cancel: every device not yet sent becomes CANCELLED; devices in flight run to their final state. */
    private void cancelUnsent(Instant now) {
        List<CampaignDevice> unsent = new ArrayList<>(ready);
        parked.values().forEach(unsent::addAll);
        retries.forEach(r -> unsent.add(r.device()));
        ready.clear();
        parked.clear();
        retries.clear();
        if (unsent.isEmpty()) {
            return;
        }
        List<DeviceTransition> out = new ArrayList<>();
        for (CampaignDevice d : unsent) {
            out.add(new DeviceTransition(d.deviceId(), SENDABLE, DeviceState.CANCELLED, "campaign cancelled before sending",
                    null, null, false, now));
        }
        for (boolean applied : store.apply(campaignId, out, List.of(), null)) {
            if (applied) {
                finalDevices++;
            }
        }
    }
}
