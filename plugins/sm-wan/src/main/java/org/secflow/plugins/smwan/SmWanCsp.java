package org.secflow.plugins.smwan;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSP that carries commands over a simulated SM WAN to the Communications Hubs of the regions it serves (DCC Preliminary Impact Assessment for SECMP0170
 * section 4.1.1: DSP -> CSP -> Communications Hub). Each CSP plugin gives it its id, its regions and the kind of
 * its SM WAN.
 *
 * <p>{@link #send} returns at once. On the host's scheduler it then emits {@link Stage#ACCEPTED_BY_CSP} (data
 * {@code csp}, {@code smWan}), waits {@code latencyMs} plus jitter and hands the command to the
 * {@link CommsHubNetwork}, relaying every hub event to the caller. A command for another region, a command the
 * simulated SM WAN loses ({@code failureRate}), or one still waiting when the CSP closes ends in
 * {@link Stage#FAILED} with a {@code reason}.
 *
 * <p>With {@code maxConcurrent} N above 0, at most N commands are in flight at once: a command takes a slot, or its
 * place in a FIFO queue, in the order {@link #send} is called, and starts (the latency, then the hub) once it holds
 * a slot and its acceptance event is out. It frees the slot at its final hub event ({@link #isFinal}: 0x8F89,
 * 0x8F8B, {@code DEVICE_RESPONSE}, {@code FAILED}) or, when the hub never sends one (a silent device), after
 * {@code slotTimeoutMs}, or at once when the DSP cancels it ({@link #cancel}). Commands beyond N wait in the queue
 * and go as slots free; they are started on the scheduler, never on the thread that delivered the freeing event.
 * Without a limit (the default) no slot is kept and no timeout scheduled. Thread-safe.
 */
public final class SmWanCsp implements Csp {
    /** Reason of a command the simulated SM WAN failed to deliver. */
    public static final String WAN_FAILURE = "SM WAN delivery failure";
    private static final Logger LOG = LoggerFactory.getLogger(SmWanCsp.class);

    private final String cspId;
    private final Set<Region> regions;
    private final String smWan;
    private final SmWanSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final CommsHubNetwork network;
    private final SlotGate<Carriage> gate;
    /** Commands accepted and not yet at their final event, by command id (only with a {@code maxConcurrent} limit). */
    private final java.util.concurrent.ConcurrentHashMap<String, Carriage> open = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<String> wanVariants;
    private volatile boolean closed;

    /**
     * @param cspId the CSP's id, reported in {@code csp} of the acceptance event and in failure reasons
     * @param regions the regions the CSP serves; a command for another region fails
     * @param smWan the kind of SM WAN, reported in {@code smWan} of the acceptance event, e.g. {@code cellular}
     */
    public SmWanCsp(String cspId, Set<Region> regions, String smWan, SmWanSettings settings,
                    ScheduledExecutorService scheduler, Clock clock, CommsHubNetwork network) {
        this.cspId = Objects.requireNonNull(cspId, "cspId");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.smWan = Objects.requireNonNull(smWan, "smWan");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.network = Objects.requireNonNull(network, "network");
        this.gate = settings.maxConcurrent() > 0 ? new SlotGate<>(settings.maxConcurrent()) : null;
        this.wanVariants = java.util.List.of();
    }

    /**
     * A CSP that reports one of {@code wanVariants} per Communications Hub in SRV 12.1 (picked from a hash of the
     * hub's Device ID, so the same hub always gets the same answer).
     */
    public SmWanCsp(String cspId, Set<Region> regions, String smWan, SmWanSettings settings,
                    ScheduledExecutorService scheduler, Clock clock, CommsHubNetwork network,
                    java.util.List<String> wanVariants) {
        this.cspId = Objects.requireNonNull(cspId, "cspId");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.smWan = Objects.requireNonNull(smWan, "smWan");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.network = Objects.requireNonNull(network, "network");
        this.gate = settings.maxConcurrent() > 0 ? new SlotGate<>(settings.maxConcurrent()) : null;
        this.wanVariants = java.util.List.copyOf(wanVariants);
    }

    @Override
    public java.util.Optional<String> wanVariant(org.secflow.spi.DeviceId commsHubId) {
        if (wanVariants.isEmpty()) {
            return java.util.Optional.empty();
        }
        long h = commsHubId.value().hashCode() * 0x9E3779B97F4A7C15L;
        return java.util.Optional.of(wanVariants.get((int) Long.remainderUnsigned(h ^ (h >>> 31), wanVariants.size())));
    }

    @Override
    public void send(CommsHubCommand command, DeviceEventListener listener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        if (!regions.contains(command.region())) {
            later(command, listener, () -> fail(command, listener, cspId + " does not serve region "
                    + command.region() + "; it serves " + regions));
            return;
        }
        SplittableRandom draws = draws(command);
        boolean lost = draws.nextDouble() < settings.failureRate();
        long delayMs = settings.latencyMs() + (settings.jitterMs() == 0 ? 0 : draws.nextLong(settings.jitterMs() + 1));
        Carriage carriage = new Carriage(command, listener, lost, delayMs);
        if (gate == null) {
            later(command, listener, () -> {
                emit(listener, event(command, Stage.ACCEPTED_BY_CSP, Map.of("csp", cspId, "smWan", smWan)));
                carriage.start();
            });
            return;
        }
        // the slot is taken, or the place in the queue, here, in the order the commands are sent; the command starts
        // when it has both its slot and its acceptance event
        open.put(command.commandId(), carriage);
        if (gate.enterOrQueue(carriage)) {
            carriage.ready();
        }
        try {
            scheduler.execute(() -> {
                emit(listener, event(command, Stage.ACCEPTED_BY_CSP, Map.of("csp", cspId, "smWan", smWan)));
                carriage.ready();
            });
        } catch (RejectedExecutionException e) {
            open.remove(command.commandId(), carriage);
            String reason = "the host is shutting down; " + cspId + " could not accept the command";
            if (gate.removeWaiting(carriage)) {
                fail(command, listener, reason);
            } else {
                carriage.finish(reason);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A command waiting for a slot leaves the queue; one holding a slot frees it now (the next waiting command
     * goes) instead of after {@code slotTimeoutMs}. Either ends with {@link Stage#FAILED}, reason "cancelled by the
     * DSP". Events the hub sends later for it are still relayed.
     */
    @Override
    public void cancel(String commandId) {
        Carriage c = commandId == null ? null : open.remove(commandId);
        if (c == null) {
            return;
        }
        if (gate.removeWaiting(c)) {
            fail(c.command, c.listener, "cancelled by the DSP while waiting for an SM WAN slot");
        } else {
            c.finish("cancelled by the DSP");
        }
    }

    /** Commands in flight now (holding a {@code maxConcurrent} slot); 0 without a limit. */
    int inFlight() {
        return gate == null ? 0 : gate.held();
    }

    /** Commands waiting for a slot now. */
    int queued() {
        return gate == null ? 0 : gate.waiting();
    }

    /**
     * Whether {@code event} is the last the hub sends for its command: 0x8F89, 0x8F8B, a device response or a
     * failure. It frees the command's slot.
     */
    static boolean isFinal(DeviceEvent event) {
        return event.stage() == Stage.FAILED || event.stage() == Stage.DEVICE_RESPONSE
                || event.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE || event.alert() == GbcsAlert.FIRMWARE_ACTIVATION;
    }

    /** One command on its way over the SM WAN, holding a slot from {@link #start} to {@link #release}. */
    private final class Carriage {
        private final CommsHubCommand command;
        private final DeviceEventListener listener;
        private final boolean lost;
        private final long delayMs;
        private final AtomicBoolean released = new AtomicBoolean();
        /** What the start still waits for, under a {@code maxConcurrent} limit: its slot and its acceptance event. */
        private final AtomicInteger untilStart = new AtomicInteger(2);
        private volatile ScheduledFuture<?> timeout;

        Carriage(CommsHubCommand command, DeviceEventListener listener, boolean lost, long delayMs) {
            this.command = command;
            this.listener = listener;
            this.lost = lost;
            this.delayMs = delayMs;
        }

        /** One of the two things the start waits for (its slot, its acceptance event) is there; the second starts. */
        void ready() {
            if (untilStart.decrementAndGet() == 0) {
                start();
            }
        }

        /** Holds a slot (when limited): waits the latency, then hands the command to the hub. */
        void start() {
            if (released.get()) {
                return; // cancelled (or timed out) before it started
            }
            try {
                if (gate != null) {
                    timeout = scheduler.schedule(this::timeOut, settings.slotTimeoutMs(), TimeUnit.MILLISECONDS);
                }
                if (delayMs == 0) {
                    scheduler.execute(this::carry);
                } else {
                    scheduler.schedule(this::carry, delayMs, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException e) {
                finish("the host is shutting down; " + cspId + " could not carry the command");
            }
        }

        private void carry() {
            if (closed) {
                finish(cspId + " closed before the command reached the hub");
            } else if (lost) {
                finish(WAN_FAILURE);
            } else {
                try {
                    network.deliver(command, event -> {
                        if (isFinal(event)) {
                            release();
                        }
                        emit(listener, event);
                    });
                } catch (RuntimeException e) {
                    finish("the Communications Hub network refused the command: " + e.getMessage());
                }
            }
        }

        private void timeOut() {
            if (!released.get()) {
                LOG.debug("command {} for {} held its SM WAN slot for {} ms without a final event; slot freed",
                        command.commandId(), command.deviceId(), settings.slotTimeoutMs());
                release();
            }
        }

        /** Frees the slot and fails the command. */
        void finish(String reason) {
            release();
            fail(command, listener, reason);
        }

        /** Frees the slot once; the oldest waiting command takes it, on the scheduler. */
        private void release() {
            if (gate == null || !released.compareAndSet(false, true)) {
                return;
            }
            open.remove(command.commandId(), this);
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            Carriage next = gate.leave();
            if (next != null) {
                try {
                    scheduler.execute(next::ready);
                } catch (RejectedExecutionException e) {
                    next.finish("the host is shutting down; " + cspId + " could not carry the command");
                }
            }
        }
    }

    /** Per-command draws (failure, then jitter): the same seed and command id give the same outcome. */
    private SplittableRandom draws(CommsHubCommand command) {
        return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + command.commandId().hashCode());
    }

    /** Runs {@code task} on the scheduler; when the host has shut it down, fails the command on this thread. */
    private void later(CommsHubCommand command, DeviceEventListener listener, Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            fail(command, listener, "the host is shutting down; " + cspId + " could not accept the command");
        }
    }

    private void fail(CommsHubCommand command, DeviceEventListener listener, String reason) {
        emit(listener, event(command, Stage.FAILED, Map.of("reason", reason)));
    }

    private DeviceEvent event(CommsHubCommand command, Stage stage, Map<String, String> data) {
        return new DeviceEvent(command.commandId(), command.deviceId(), stage, null, data, clock.instant());
    }

    private static void emit(DeviceEventListener listener, DeviceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("listener for command {} threw on {}", event.correlationId(), event.stage(), e);
        }
    }

    /**
     * Later deliveries fail, and so do the commands waiting for a slot; the scheduler belongs to the host and
     * stays up.
     */
    @Override
    public void close() {
        closed = true;
        if (gate != null) {
            for (Carriage waiting : gate.drain()) {
                fail(waiting.command, waiting.listener, cspId + " closed while the command waited for an SM WAN slot");
            }
        }
    }
}
