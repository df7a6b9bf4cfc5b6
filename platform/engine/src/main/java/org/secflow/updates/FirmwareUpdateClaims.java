package org.secflow.updates;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementException;

/**
 * The firmware updates in progress, kept by the database so that the rules about them hold across every secflow
 * process sharing it (PostgreSQL), not only inside one (tables {@code device_update_claim} and
 * {@code han_update_claim}, migration V17):
 *
 * <ul>
 *   <li>one firmware update in progress per device: an SRV 11.4 Service Request or a campaign holds the device
 *       from its acceptance or sending to its final state (DCC Preliminary Impact Assessment for SECMP0170,
 *       section 4.1.1: a further request for the device is blocked);</li>
 *   <li>one device per HAN updating at a time (the same assessment, BR9 and BR10): a campaign holds the device's
 *       Communications Hub while it updates the device.</li>
 * </ul>
 *
 * <p>A claim is a row under a primary key, taken in the caller's transaction: of two processes claiming the same
 * device or HAN at once, the database lets one insert and the other finds the row (PostgreSQL {@code ON CONFLICT DO
 * NOTHING} waits for the first transaction's outcome). A holder (a campaign id or a Service Request id) taking a claim
 * it already holds gets it again, so a campaign recovering after a crash re-takes its own claims. Claims are released
 * in the transaction that records the final state.
 */
public final class FirmwareUpdateClaims {
    private static final String UNIQUE_VIOLATION = "23505";

    /** Whether the database is PostgreSQL (else the embedded HSQLDB), learnt from the first handle used. */
    private volatile Boolean postgresql;

    private boolean postgresql(Handle h) {
        Boolean pg = postgresql;
        if (pg == null) {
            try {
                pg = h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database product: " + e.getMessage(), e);
            }
            postgresql = pg;
        }
        return pg;
    }

    /** A device claim to take: the device, its Communications Hub (null: none, or no HAN claim wanted). */
    public record Claim(String deviceId, String hubId) {
    }

    /**
     * Takes, for each claim, the device and (when {@code hubId} is given) its HAN for {@code holder}: two batched
     * statements for the whole list.
     *
     * @return for each claim whether both were taken; where one was not, nothing of that claim is kept
     */
    public boolean[] claim(Handle h, String holder, List<Claim> claims, Instant at) {
        Timestamp ts = Timestamp.from(at);
        boolean[] device = takeAll(h, "device_update_claim", claims, holder, ts, c -> true);
        boolean[] han = takeAll(h, "han_update_claim", claims, holder, ts, i -> device[i] && claims.get(i).hubId() != null);
        boolean[] taken = new boolean[claims.size()];
        List<String> undo = new java.util.ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            taken[i] = device[i] && (claims.get(i).hubId() == null || han[i]);
            if (device[i] && !taken[i]) {
                undo.add(claims.get(i).deviceId());
            }
        }
        release(h, holder, undo);
        return taken;
    }

    private boolean[] takeAll(Handle h, String table, List<Claim> claims, String holder, Timestamp at,
                              java.util.function.IntPredicate wanted) {
        boolean[] taken = new boolean[claims.size()];
        List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (wanted.test(i)) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return taken;
        }
        boolean han = table.equals("han_update_claim");
        if (postgresql(h)) {
            // one statement for the list, keys in order (two processes claiming overlapping lists then wait for
            // each other in the same order and do not deadlock); RETURNING names the rows inserted
            java.util.TreeMap<String, String> keyToDevice = new java.util.TreeMap<>();
            for (int i : rows) {
                Claim c = claims.get(i);
                keyToDevice.putIfAbsent(han ? c.hubId() : c.deviceId(), c.deviceId());
            }
            String[] keys = keyToDevice.keySet().toArray(String[]::new);
            String[] devices = keyToDevice.values().toArray(String[]::new);
            java.util.Set<String> inserted = new java.util.HashSet<>(h.createQuery("INSERT INTO " + table + (han
                            ? " (comms_hub_id, device_id, holder, claimed_at) SELECT k, d, :h, :at FROM unnest(CAST(:keys AS varchar[]), CAST(:devices AS varchar[])) AS t(k, d)"
                            + " ON CONFLICT DO NOTHING RETURNING comms_hub_id"
                            : " (device_id, holder, claimed_at) SELECT k, :h, :at FROM unnest(CAST(:keys AS varchar[]), CAST(:devices AS varchar[])) AS t(k, d)"
                            + " ON CONFLICT DO NOTHING RETURNING device_id"))
                    .bind("keys", keys).bind("devices", devices).bind("h", holder).bind("at", at).mapTo(String.class).list());
            java.util.Set<String> ours = new java.util.HashSet<>();
            if (inserted.size() < keys.length) { // already ours (a holder taking its claim again: recovery, a retried transaction)?
                ours.addAll(h.createQuery("SELECT c." + (han ? "comms_hub_id" : "device_id") + " || ' ' || c.device_id FROM " + table
                                + " c JOIN unnest(CAST(:keys AS varchar[])) AS t(k) ON c." + (han ? "comms_hub_id" : "device_id") + " = t.k WHERE c.holder = :h")
                        .bind("keys", keys).bind("h", holder).mapTo(String.class).list());
            }
            for (int i : rows) {
                Claim c = claims.get(i);
                String key = han ? c.hubId() : c.deviceId();
                taken[i] = (inserted.contains(key) && keyToDevice.get(key).equals(c.deviceId())) || ours.contains(key + " " + c.deviceId());
            }
            return taken;
        } else {
            for (int i : rows) {
                Claim c = claims.get(i);
                taken[i] = insertIfAbsent(h, table, han ? c.hubId() : c.deviceId(), c.deviceId(), holder, at);
            }
        }
        for (int i : rows) {
            if (!taken[i]) { // already ours (a holder taking its claim again: recovery, a retried transaction)?
                Claim c = claims.get(i);
                taken[i] = h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + (han ? "comms_hub_id" : "device_id")
                                + " = :k AND device_id = :d AND holder = :h")
                        .bind("k", han ? c.hubId() : c.deviceId()).bind("d", c.deviceId()).bind("h", holder)
                        .mapTo(Integer.class).one() > 0;
            }
        }
        return taken;
    }

    /** HSQLDB (one process, its file lock): a racing insert of the same key fails, and is a claim not taken. */
    private static boolean insertIfAbsent(Handle h, String table, String key, String deviceId, String holder, Timestamp at) {
        boolean han = table.equals("han_update_claim");
        try {
            var insert = h.createUpdate("INSERT INTO " + table + (han
                    ? " (comms_hub_id, device_id, holder, claimed_at) SELECT :k, :d, :h, :at"
                    : " (device_id, holder, claimed_at) SELECT :k, :h, :at")
                    + " FROM (VALUES (0)) AS one(x) WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE "
                    + (han ? "comms_hub_id" : "device_id") + " = :k)")
                    .bind("k", key).bind("h", holder).bind("at", at);
            if (han) {
                insert.bind("d", deviceId);
            }
            return insert.execute() > 0;
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Takes the device for {@code holder}; false when another holder has it. */
    public boolean claimDevice(Handle h, String holder, String deviceId, Instant at) {
        return claim(h, holder, List.of(new Claim(deviceId, null)), at)[0];
    }

    /** Releases what {@code holder} holds for these devices (device and HAN claims). */
    public void release(Handle h, String holder, Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return;
        }
        if (postgresql(h)) {
            // one statement per table, joined to the ids: "device_id = ANY(:ids)" lets the planner scan a claim table it
            // believes small and compare each row with every id (a second for 5,000 ids over 20,000 rows)
            String[] ids = deviceIds.stream().sorted().toArray(String[]::new);
            for (String table : List.of("device_update_claim", "han_update_claim")) {
                h.createUpdate("DELETE FROM " + table + " c USING unnest(CAST(:ids AS varchar[])) AS t(d) WHERE c.device_id = t.d AND c.holder = :h")
                        .bind("ids", ids).bind("h", holder).execute();
            }
            return;
        }
        for (String table : List.of("device_update_claim", "han_update_claim")) {
            PreparedBatch b = h.prepareBatch("DELETE FROM " + table + " WHERE device_id = :d AND holder = :h");
            for (String d : deviceIds) {
                b.bind("d", d).bind("h", holder).add();
            }
            b.execute();
        }
    }

    /** Whether any holder has a firmware update of the device in progress. */
    public static boolean deviceClaimed(Handle h, String deviceId) {
        return h.createQuery("SELECT COUNT(*) FROM device_update_claim WHERE device_id = :d").bind("d", deviceId)
                .mapTo(Integer.class).one() > 0;
    }

    /** Whether a device of the HAN is updating now (any holder). */
    public static boolean hanClaimed(Handle h, String hubId) {
        return h.createQuery("SELECT COUNT(*) FROM han_update_claim WHERE comms_hub_id = :c").bind("c", hubId)
                .mapTo(Integer.class).one() > 0;
    }
}
