package org.secflow.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.CommsHubNetwork;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.GbcsAlert;

/**
 * A hand-written {@link CommsHubNetwork} for CSP tests: it records every command and answers it at once, on the
 * calling thread, as a Communications Hub with a well-behaved PPMID would (GBCS PPMID firmware flow;
 * DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1):
 * <ul>
 *   <li>always {@link Stage#DELIVERED_TO_HUB};</li>
 *   <li>for GBCS {@code CS05c} with an image: alert 0x8F8A (transfer success), then 0x8F8B with
 *       {@code firmwareVersion} = the image's version and {@code result} = {@code 0};</li>
 *   <li>for GBCS {@code CS08}: {@link Stage#DEVICE_RESPONSE} with {@code firmwareVersion} =
 *       {@link #CURRENT_FIRMWARE_VERSION}.</li>
 * </ul>
 * {@link #hold()} makes {@link #deliver} wait (at most {@link #MAX_HOLD}) until {@link #release()}, so that a test
 * can show that a CSP does not wait for its hubs.
 */
public final class FakeCommsHubNetwork implements CommsHubNetwork {
    /** Firmware version the fake device reports to a GBCS CS08 read. */
    public static final String CURRENT_FIRMWARE_VERSION = "1.0.0";
    /** Longest a held delivery waits for {@link #release()}, so that a broken test cannot hang the build. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(10);

    private final Clock clock;
    private final List<CommsHubCommand> delivered = new CopyOnWriteArrayList<>();
    private final List<Thread> deliveringThreads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** A network answering with the system UTC clock's times. */
    public FakeCommsHubNetwork() {
        this(Clock.systemUTC());
    }

    /** A network answering with {@code clock}'s times. */
    public FakeCommsHubNetwork(Clock clock) {
        this.clock = clock;
    }

    /** From now on deliveries wait for {@link #release()}; returns this. */
    public FakeCommsHubNetwork hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    /** Lets held and future deliveries go on. */
    public void release() {
        gate.countDown();
    }

    /** The commands handed to this network so far, in arrival order. */
    public List<CommsHubCommand> delivered() {
        return List.copyOf(delivered);
    }

    /** The threads that called {@link #deliver}, one per command, in arrival order. */
    public List<Thread> deliveringThreads() {
        return List.copyOf(deliveringThreads);
    }

    @Override
    public void deliver(CommsHubCommand command, DeviceEventListener listener) {
        delivered.add(command);
        deliveringThreads.add(Thread.currentThread());
        try {
            gate.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        listener.onEvent(event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
        if ("CS05c".equals(command.gbcsUseCase()) && command.firmwareImage() != null) {
            listener.onEvent(event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS, Map.of()));
            listener.onEvent(event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                    Map.of("firmwareVersion", command.firmwareImage().version(), "result", "0")));
        } else if ("CS08".equals(command.gbcsUseCase())) {
            listener.onEvent(event(command, Stage.DEVICE_RESPONSE, null,
                    Map.of("firmwareVersion", CURRENT_FIRMWARE_VERSION)));
        }
    }

    private DeviceEvent event(CommsHubCommand command, Stage stage, GbcsAlert alert, Map<String, String> data) {
        return new DeviceEvent(command.commandId(), command.deviceId(), stage, alert, data, clock.instant());
    }
}
