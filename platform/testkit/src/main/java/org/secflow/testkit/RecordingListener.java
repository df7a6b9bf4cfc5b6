package org.secflow.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEventListener;

/** A thread-safe {@link DeviceEventListener} that keeps every event and lets a test wait for one. */
public final class RecordingListener implements DeviceEventListener {
    private final List<DeviceEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(DeviceEvent event) {
        events.add(event);
        notifyAll();
    }

    /** A copy of the events so far, in arrival order. */
    public synchronized List<DeviceEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Waits until an event matches.
     *
     * @throws TimeoutException with the events seen when none matched within {@code timeout}
     */
    public synchronized DeviceEvent await(Predicate<DeviceEvent> match, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (DeviceEvent e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no matching event within " + timeout + "; seen: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for the first event at {@code stage}. */
    public DeviceEvent await(DeviceEvent.Stage stage, Duration timeout) throws InterruptedException, TimeoutException {
        return await(e -> e.stage() == stage, timeout);
    }
}
