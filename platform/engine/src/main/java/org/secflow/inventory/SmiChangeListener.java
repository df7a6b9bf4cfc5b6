package org.secflow.inventory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.secflow.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link SmiReadModel} correct on a PostgreSQL database that other secflow processes write too: listens on the
 * channel {@value #CHANNEL}, where the database announces every committed change of a device, its premises or its
 * Communications Hub (migration {@code db/postgresql/V21__postgresql_smi_change_notifications.sql}), and tells the read
 * model to forget those devices.
 *
 * <p>One connection of its own, outside the pool, on a daemon thread. The read model keeps nothing until {@code LISTEN}
 * has succeeded; when the connection fails the read model is made {@link SmiReadModel#deaf deaf} (it forgets
 * everything and keeps nothing), and the listener connects again every {@value #RECONNECT_MS} ms until it listens
 * again. Notifications of this process's own writes come back too; forgetting a device twice costs a read.
 */
public final class SmiChangeListener implements AutoCloseable {
    /** The NOTIFY channel of SMI changes. */
    public static final String CHANNEL = "secflow_smi";
    /** Pause between attempts to connect again, in ms. */
    static final long RECONNECT_MS = 1_000;
    private static final int POLL_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SmiChangeListener.class);

    private final DatabaseSettings settings;
    private final SmiReadModel readModel;
    private final Thread thread;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Connection connection;

    private SmiChangeListener(DatabaseSettings settings, SmiReadModel readModel) {
        this.settings = settings;
        this.readModel = readModel;
        this.thread = new Thread(this::run, "secflow-smi-listener");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening for {@code readModel}, which is deaf until the first {@code LISTEN} succeeds; waits up to
     * {@code waitMs} ms for that (the platform starts serving either way: a deaf read model only reads the store).
     *
     * @param settings a PostgreSQL database ({@code jdbc:postgresql:} URL)
     * @throws IllegalArgumentException for a database that is not PostgreSQL
     */
    public static SmiChangeListener start(DatabaseSettings settings, SmiReadModel readModel, long waitMs) {
        if (settings.isHsqldb()) {
            throw new IllegalArgumentException("SMI change notifications need PostgreSQL; the embedded HSQLDB admits one process");
        }
        readModel.deaf();
        SmiChangeListener l = new SmiChangeListener(settings, readModel);
        l.thread.start();
        try {
            if (!l.firstListen.await(waitMs, TimeUnit.MILLISECONDS)) {
                LOG.warn("not yet listening for SMI changes after {} ms; devices are read from the database until it does", waitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return l;
    }

    /** Whether the listener listens now (its read model keeps devices). */
    public boolean listening() {
        return readModel.isHearing();
    }

    private void run() {
        while (!stopping) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password())) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                readModel.hearing();
                firstListen.countDown();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] batch = pg.getNotifications(POLL_MS);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            forget(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                readModel.deaf();
                if (stopping) {
                    break;
                }
                LOG.warn("lost the database's SMI change notifications ({}); devices are read from the database until "
                        + "listening again", e.getMessage());
                sleep();
            } finally {
                connection = null;
            }
        }
        readModel.deaf();
    }

    private void forget(String payload) {
        if (payload == null || payload.isEmpty() || payload.equals("*")) {
            readModel.forget(null);
            return;
        }
        List<String> ids = Arrays.asList(payload.split(","));
        readModel.forget(ids);
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_MS);
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    /** Stops listening; the read model keeps nothing from then on. */
    @Override
    public void close() {
        stopping = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // wakes getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
