package org.secflow.plugins.cspcentralsouth;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSP Central and South: carries commands over a simulated cellular SM WAN (CHISM Annex E Table 3 WAN Variants
 * Cellular and Cellular+Mesh, seed 004 MP106; see {@link CentralSouthWanVariant}) to the Communications Hubs of the
 * Central and South regions (seed 001 section 4.1.1: DSP -> CSP -> Communications Hub; section 4.1.1.2 for the
 * CSP Central and South's part).
 *
 * <p>{@link #send} returns at once. On the host's scheduler it then emits {@link Stage#ACCEPTED_BY_CSP} (data
 * {@code csp}, {@code smWan}), waits {@code latencyMs} plus jitter and hands the command to the
 * {@link CommsHubNetwork}, relaying every hub event to the caller. A command for the North region, a command the
 * simulated SM WAN loses ({@code failureRate}), or one still waiting when the CSP closes ends in
 * {@link Stage#FAILED} with a {@code reason}. Thread-safe.
 */
final class CentralSouthCsp implements Csp {
    /** The kind of SM WAN, reported in {@code smWan} of the acceptance event. */
    static final String SM_WAN = "cellular";
    /** Reason of a command the simulated SM WAN failed to deliver. */
    static final String WAN_FAILURE = "SM WAN delivery failure";
    private static final Logger LOG = LoggerFactory.getLogger(CentralSouthCsp.class);

    private final CentralSouthCspSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final CommsHubNetwork network;
    private volatile boolean closed;

    CentralSouthCsp(CentralSouthCspSettings settings, ScheduledExecutorService scheduler, Clock clock,
                    CommsHubNetwork network) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.network = network;
    }

    @Override
    public void send(CommsHubCommand command, DeviceEventListener listener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        if (!CspCentralSouthFactory.REGIONS.contains(command.region())) {
            later(command, listener, () -> fail(command, listener, CspCentralSouthFactory.ID + " does not serve region "
                    + command.region() + "; it serves " + CspCentralSouthFactory.REGIONS));
            return;
        }
        SplittableRandom draws = draws(command);
        boolean lost = draws.nextDouble() < settings.failureRate();
        long delayMs = settings.latencyMs() + (settings.jitterMs() == 0 ? 0 : draws.nextLong(settings.jitterMs() + 1));
        later(command, listener, () -> {
            emit(listener, event(command, Stage.ACCEPTED_BY_CSP,
                    Map.of("csp", CspCentralSouthFactory.ID, "smWan", SM_WAN)));
            try {
                scheduler.schedule(() -> carry(command, listener, lost), delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                fail(command, listener,
                        "the host is shutting down; " + CspCentralSouthFactory.ID + " could not carry the command");
            }
        });
    }

    private void carry(CommsHubCommand command, DeviceEventListener listener, boolean lost) {
        if (closed) {
            fail(command, listener, CspCentralSouthFactory.ID + " closed before the command reached the hub");
        } else if (lost) {
            fail(command, listener, WAN_FAILURE);
        } else {
            try {
                network.deliver(command, event -> emit(listener, event));
            } catch (RuntimeException e) {
                fail(command, listener, "the Communications Hub network refused the command: " + e.getMessage());
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
            fail(command, listener,
                    "the host is shutting down; " + CspCentralSouthFactory.ID + " could not accept the command");
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

    /** Later deliveries fail; the scheduler belongs to the host and stays up. */
    @Override
    public void close() {
        closed = true;
    }
}
