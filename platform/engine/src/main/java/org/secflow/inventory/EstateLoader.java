package org.secflow.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;

/**
 * Pre-notifies a generated estate into the SMI: premises, Communications Hubs and their devices, all
 * {@link SmiStatus#COMMISSIONED}. Buffers {@value #BATCH} premises and writes each buffer in one transaction with
 * JDBC batches; a failing buffer is rolled back whole. Closing it writes the last buffer and, on PostgreSQL, refreshes
 * the tables' statistics. Not thread-safe: one loader per generation run.
 *
 * <p>Premises ids are taken from {@code MAX(premises_id) + 1} at construction: only one loader may run against a
 * database at a time (the embedded HSQLDB file is opened by one process anyway).
 *
 * <p>Its SQL stays here rather than in a SqlObject: the writes are three positional JDBC batches filled row by row
 * from one buffer in one transaction (the estate generator's hot path, millions of rows), which a {@code @SqlBatch}
 * would turn into one bean or list per row and one statement per method; the one query beside them is the start of
 * the premises ids these batches number.
 */
public final class EstateLoader implements Consumer<EmulatedPremises>, AutoCloseable {
    /** Premises per transaction. */
    public static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final Timestamp now;
    private final List<EmulatedPremises> buffer = new ArrayList<>(BATCH);
    private long nextPremisesId;
    private long premises;
    private long devices;

    public EstateLoader(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.now = Timestamp.from(clock.instant());
        this.nextPremisesId = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(premises_id), 0) FROM premises")
                .mapTo(Long.class).one()) + 1;
    }

    @Override
    public void accept(EmulatedPremises p) {
        buffer.add(p);
        if (buffer.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is buffered. */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        jdbi.useTransaction(this::write);
        buffer.clear();
    }

    /** Premises written so far. */
    public long premisesWritten() {
        return premises;
    }

    /** Devices written so far (Communications Hub Functions included). */
    public long devicesWritten() {
        return devices;
    }

    /**
     * Writes what is buffered; on PostgreSQL then refreshes the planner's statistics of the SMI's tables
     * ({@code ANALYZE}). Without them, right after a load (and for good where autovacuum is off) PostgreSQL plans
     * for the empty tables it last saw: a Supplier's device list over the demo estate took 120 ms per page, nested
     * loops over every one of its premises, instead of 13 ms (docs/performance.md).
     */
    @Override
    public void close() {
        flush();
        if (premises > 0) {
            jdbi.useHandle(h -> {
                if (org.secflow.store.Database.isPostgresql(h)) {
                    h.execute("ANALYZE premises, comms_hub, device");
                }
            });
        }
    }

    private void write(Handle h) {
        PreparedBatch premisesBatch = h.prepareBatch("""
                INSERT INTO premises (premises_id, mpan, mprn, region, import_supplier, gas_supplier, export_mpan,
                                      export_supplier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch hubBatch = h.prepareBatch("""
                INSERT INTO comms_hub (device_id, premises_id, region, chts_version, gbcs_version) VALUES (?, ?, ?, ?, ?)""");
        PreparedBatch deviceBatch = h.prepareBatch("""
                INSERT INTO device (device_id, device_type, alt_han_variant, manufacturer, model, firmware_version,
                                    battery_powered, tcso_reclassified, status, comms_hub_id, premises_id,
                                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'COMMISSIONED', ?, ?, ?, ?)""");
        long firstId = nextPremisesId;
        long deviceCount = 0;
        for (EmulatedPremises p : buffer) {
            long id = nextPremisesId++;
            String region = p.region().name();
            premisesBatch.add(id, p.mpan(), p.mprn(), region, p.importSupplier(), p.gasSupplier(), p.exportMpan(),
                    p.exportSupplier());
            String hub = p.commsHub().chf().deviceId().value();
            hubBatch.add(hub, id, region, p.commsHub().chtsVersion(), p.commsHub().gbcsVersion());
            addDevice(deviceBatch, p.commsHub().chf(), hub, id);
            deviceCount++;
            if (p.commsHub().gpf() != null) {
                addDevice(deviceBatch, p.commsHub().gpf(), hub, id);
                deviceCount++;
            }
            for (EmulatedDevice d : p.devices()) {
                addDevice(deviceBatch, d, hub, id);
                deviceCount++;
            }
        }
        premisesBatch.execute();
        hubBatch.execute();
        deviceBatch.execute();
        premises += nextPremisesId - firstId;
        devices += deviceCount;
    }

    private void addDevice(PreparedBatch batch, EmulatedDevice d, String hub, long premisesId) {
        batch.add(d.deviceId().value(), d.type().name(),
                d.altHanDeviceVariant() == null ? null : d.altHanDeviceVariant().name(),
                d.manufacturer(), d.model(), d.firmwareVersion(), d.batteryPowered(), d.tcsoReclassified(),
                hub, premisesId, now, now);
    }
}
