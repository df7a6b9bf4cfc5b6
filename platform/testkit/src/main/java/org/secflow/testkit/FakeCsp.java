package org.secflow.testkit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.Csp;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.GbcsAlert;

/**
 * A hand-written {@link Csp} for DSP tests. {@link #send} only records the command and its listener; the test then
 * plays the CSP and the hub with {@link #accept}, {@link #deliverToHub}, {@link #alert}, {@link #respond} and
 * {@link #fail}, which call that listener on the test's thread. Thread-safe.
 */
public final class FakeCsp implements Csp {
    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /**
     * A command handed to this CSP.
     *
     * @param command the command
     * @param listener where its events go
     */
    public record Sent(CommsHubCommand command, DeviceEventListener listener) {
    }

    /** A CSP stamping its events with the system UTC clock. */
    private volatile String wanVariant;

    /** Makes SRV 12.1 report {@code variant} verbatim for every hub (none unless set); returns this. */
    public FakeCsp withWanVariant(String variant) {
        this.wanVariant = variant;
        return this;
    }

    @Override
    public java.util.Optional<String> wanVariant(org.secflow.spi.DeviceId commsHubId) {
        return java.util.Optional.ofNullable(wanVariant);
    }

    public FakeCsp() {
        this(Clock.systemUTC());
    }

    /** A CSP stamping its events with {@code clock}. */
    public FakeCsp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(CommsHubCommand command, DeviceEventListener listener) {
        sent.add(new Sent(command, listener));
    }

    /** The commands sent so far, in arrival order. */
    public List<CommsHubCommand> commands() {
        return sent.stream().map(Sent::command).toList();
    }

    /**
     * The last command sent.
     *
     * @throws AssertionError when none was sent
     */
    public CommsHubCommand lastCommand() {
        if (sent.isEmpty()) {
            throw new AssertionError("no command was sent to this CSP");
        }
        return sent.get(sent.size() - 1).command();
    }

    /** Emits {@link Stage#ACCEPTED_BY_CSP} for {@code command}; returns this. */
    public FakeCsp accept(CommsHubCommand command) {
        return emit(command, Stage.ACCEPTED_BY_CSP, null, Map.of());
    }

    /** Emits {@link Stage#DELIVERED_TO_HUB} for {@code command}; returns this. */
    public FakeCsp deliverToHub(CommsHubCommand command) {
        return emit(command, Stage.DELIVERED_TO_HUB, null, Map.of());
    }

    /**
     * Emits a device alert for {@code command}, e.g. 0x8F8B with {@code firmwareVersion} and {@code result};
     * returns this.
     */
    public FakeCsp alert(CommsHubCommand command, GbcsAlert alert, Map<String, String> data) {
        return emit(command, Stage.DEVICE_ALERT, alert, data);
    }

    /** Emits a device response for {@code command}, e.g. {@code firmwareVersion} for CS08; returns this. */
    public FakeCsp respond(CommsHubCommand command, Map<String, String> data) {
        return emit(command, Stage.DEVICE_RESPONSE, null, data);
    }

    /** Emits {@link Stage#FAILED} with {@code reason} for {@code command}; returns this. */
    public FakeCsp fail(CommsHubCommand command, String reason) {
        return emit(command, Stage.FAILED, null, Map.of("reason", reason));
    }

    private FakeCsp emit(CommsHubCommand command, Stage stage, GbcsAlert alert, Map<String, String> data) {
        DeviceEventListener listener = sent.stream()
                .filter(s -> s.command().commandId().equals(command.commandId()))
                .map(Sent::listener)
                .findFirst()
                .orElseThrow(() -> new AssertionError("command " + command.commandId() + " was not sent to this CSP"));
        listener.onEvent(new DeviceEvent(command.commandId(), command.deviceId(), stage, alert, data, clock.instant()));
        return this;
    }
}
