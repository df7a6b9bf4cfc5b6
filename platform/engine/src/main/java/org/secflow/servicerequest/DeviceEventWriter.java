package org.secflow.servicerequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the DSP's device events of Service Requests in groups, off the thread that delivers them (the plugins'
 * scheduler, which also runs the CSPs and the device emulator). One transaction per group of up to
 * {@value #MAX_GROUP} events, in arrival order: every event row and response row inserted as a JDBC batch, then each
 * device's and request's state set once, to the state of its last event in the group (a request of several devices
 * aggregated over them, {@link ServiceRequestStore#aggregate}). When a group fails, its events are written one by one
 * so that one bad event loses only itself. A group gathers for {@link #GATHER} after its first event, so an event is
 * in the database within that plus one group's write time of its arrival, not when {@link #add} returns: a reader of
 * a request sees its state up to about 100 ms late, never out of order. How late is
 * {@link #lag}: while it is above its limit, requests for the DSP wait ({@link #awaitLagWithin}) and are then
 * deferred ({@code ServiceRequestService}, {@link ServiceRequestDeferredException}).
 */
final class DeviceEventWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEventWriter.class);
    static final int MAX_GROUP = 1024;
    /**
     * How long a group gathers events after its first one before it is written. A request's events come a CSP's
     * latency apart (its acceptance, then the hub's delivery and the device's response: 25-40 ms with the demo CSPs);
     * gathered into one group they set its device's and its request's state once instead of once per event. Each such
     * update is a new row version in every index of the table on HSQLDB and, where an indexed column changes, on
     * PostgreSQL (docs/performance.md, "Device events gathered before they are written, and fewer indexes to write").
     */
    static final java.time.Duration GATHER = java.time.Duration.ofMillis(100);

    /**
     * One event of a request's device.
     *
     * @param detail what the event's history row says of it (cut to 1,000 characters), or null
     * @param response the event's data is a DUIS-shaped response to store ({@link ServiceRequestStore#response})
     * @param manyDevices the request has several devices (its state is then aggregated over them)
     * @param releasesClaim a final state frees the device's firmware update claim (SRV 11.4)
     * @param endsWait the first event of a device that waited for its Execution Date Time: its
     *        {@code service_request_scheduled} row goes
     */
    record Event(String requestId, String deviceId, RequestState state, String stage, String alert,
                 Map<String, String> data, String detail, Instant at, boolean response, boolean manyDevices,
                 boolean releasesClaim, boolean endsWait) {
    }

    private final Jdbi jdbi;

    /** An event and when it was queued ({@link System#nanoTime}). */
    private record Queued(Event event, long at) {
    }

    private static final long IDLE = Long.MIN_VALUE;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    /** When the oldest event of the group being written was queued; {@link #IDLE} between groups. */
    private volatile long writingSince = IDLE;
    /** Notified after each group is written: the requests waiting for the lag to fall ({@link #awaitLagWithin}). */
    private final Object written = new Object();
    private final Thread writer;
    private volatile boolean closing;

    /** How long a group gathers ({@link #GATHER}, or less under a lower lag limit). */
    private final long gatherNanos;

    /**
     * @param gather how long a group gathers events after its first one; zero writes each group as soon as its first
     *        event arrives
     */
    DeviceEventWriter(Jdbi jdbi, java.time.Duration gather) {
        this.jdbi = jdbi;
        this.gatherNanos = gather.toNanos();
        this.writer = new Thread(this::run, "secflow-device-events");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * How long groups gather under a limit on the {@link #lag}: {@link #GATHER}, or a tenth of a lower limit, so that
     * gathering alone never holds requests back.
     */
    static java.time.Duration gatherWithin(java.time.Duration maxLag) {
        java.time.Duration tenth = maxLag.dividedBy(10);
        return tenth.compareTo(GATHER) < 0 ? tenth : GATHER;
    }

    /**
     * Queues an event; returns at once.
     *
     * @throws IllegalStateException when closed
     */
    void add(Event e) {
        if (closing) {
            throw new IllegalStateException("the Service Request event writer is closed");
        }
        queue.add(new Queued(e, System.nanoTime()));
    }

    /**
     * How long the oldest event not yet committed has waited since it was queued: zero when every event is written.
     * A writer stalled on the database (a lock, a full disk) shows here as a growing lag, as does one that falls
     * behind the events' arrival.
     */
    java.time.Duration lag() {
        long since = writingSince;
        if (since == IDLE) {
            Queued head = queue.peek();
            if (head == null) {
                return java.time.Duration.ZERO;
            }
            since = head.at();
        }
        return java.time.Duration.ofNanos(Math.max(0, System.nanoTime() - since));
    }

    /**
     * Waits, up to {@code maxWait}, until the {@link #lag} is at most {@code limit}; a waiting thread takes no
     * processor from the writer.
     *
     * @return whether the lag is within the limit (false: still over it after {@code maxWait}, or interrupted)
     */
    boolean awaitLagWithin(java.time.Duration limit, java.time.Duration maxWait) {
        if (lag().compareTo(limit) <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (written) {
            while (lag().compareTo(limit) > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    written.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void run() {
        List<Queued> queued = new ArrayList<>(MAX_GROUP);
        while (!closing || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                writingSince = first.at();
                queued.add(first);
                long gathering = first.at() + gatherNanos - System.nanoTime();
                if (gathering > 0 && !closing) {
                    java.util.concurrent.locks.LockSupport.parkNanos(this, gathering);
                }
                queue.drainTo(queued, MAX_GROUP - 1);
                write(queued.stream().map(Queued::event).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("writing a group of {} Service Request events failed", queued.size(), e);
            } finally {
                writingSince = IDLE;
                queued.clear();
                synchronized (written) {
                    written.notifyAll();
                }
            }
        }
    }

    private void write(List<Event> group) {
        try {
            jdbi.useTransaction(h -> writeGroup(h, group));
        } catch (RuntimeException groupFailed) {
            for (Event e : group) {
                try {
                    jdbi.useTransaction(h -> writeGroup(h, List.of(e)));
                } catch (RuntimeException failed) {
                    LOG.error("recording event {} of request {} failed", e.stage(), e.requestId(), failed);
                }
            }
        }
    }

    /**
     * Writes a group of events in the caller's transaction: their history rows and responses, then each device's and
     * request's state once, to its last event in the group. Also the one place a single event is written
     * ({@link ServiceRequestStore#refused}).
     */
    static void writeGroup(Handle h, List<Event> group) {
        PreparedBatch events = h.prepareBatch(ServiceRequestDao.INSERT_EVENT);
        Map<List<String>, Event> lastOfDevice = new LinkedHashMap<>();
        for (Event e : group) {
            events.bind("id", e.requestId()).bind("device", e.deviceId()).bind("stage", e.stage())
                    .bind("alert", e.alert()).bind("detail", ServiceRequestStore.truncate(e.detail())).bind("at", e.at()).add();
            if (e.state() != null) {
                lastOfDevice.remove(List.of(e.requestId(), e.deviceId()));
                lastOfDevice.put(List.of(e.requestId(), e.deviceId()), e);
            }
        }
        events.execute();
        PreparedBatch responses = null;
        for (Event e : group) {
            if (e.endsWait()) {
                h.createUpdate(ServiceRequestStore.DELETE_SCHEDULED).bind("id", e.requestId()).bind("device", e.deviceId()).execute();
            }
            if (e.response()) {
                if (responses == null) {
                    responses = h.prepareBatch(ServiceRequestStore.INSERT_RESPONSE);
                }
                ServiceRequestStore.response(responses, e.requestId(), e.deviceId(), e.data(), e.at());
            }
        }
        if (responses != null) {
            responses.execute();
        }
        if (lastOfDevice.isEmpty()) {
            return;
        }
        PreparedBatch devices = h.prepareBatch(ServiceRequestDao.UPDATE_DEVICE);
        for (Event e : lastOfDevice.values()) {
            devices.bind("state", e.state().name()).bind("detail", ServiceRequestStore.truncate(e.detail()))
                    .bind("at", e.at()).bind("id", e.requestId()).bind("device", e.deviceId()).add();
        }
        devices.execute();
        PreparedBatch requests = h.prepareBatch(ServiceRequestDao.UPDATE_REQUEST);
        Map<String, Event> lastOfRequest = new LinkedHashMap<>();
        lastOfDevice.values().forEach(e -> lastOfRequest.put(e.requestId(), e));
        for (Event e : lastOfDevice.values()) {
            if (e.state().isTerminal() && e.releasesClaim()) {
                // an SRV 11.4 in a final state no longer holds its device (org.secflow.updates.FirmwareUpdateClaims)
                h.createUpdate(ServiceRequestDao.RELEASE_CLAIM)
                        .bind("device", e.deviceId()).bind("id", e.requestId()).execute();
            }
        }
        for (Event e : lastOfRequest.values()) {
            List<String> states = e.manyDevices()
                    ? h.createQuery(ServiceRequestDao.DEVICE_STATES)
                            .bind("id", e.requestId()).mapTo(String.class).list()
                    : List.of(e.state().name());
            requests.bind("state", ServiceRequestStore.aggregate(states)).bind("at", e.at()).bind("id", e.requestId()).add();
        }
        requests.execute();
    }

    /** Writes what is queued, then stops the writer (waits up to 10 s). */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warn("{} Service Request events were not written before the store closed", queue.size());
        }
    }
}
