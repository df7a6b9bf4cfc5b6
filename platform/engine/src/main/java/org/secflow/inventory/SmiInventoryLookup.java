package org.secflow.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.secflow.spi.CommsHubRoute;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.InventoryLookup;
import org.secflow.spi.Region;

/**
 * {@link InventoryLookup} for plugins over the SMI tables: a device's Communications Hub, its region and the device's
 * type ({@link DeviceDao#route}).
 *
 * <p>A sender about to submit many Service Requests (a campaign's wave) may {@link #readAhead} their devices' routes in
 * one query; each route read ahead answers one {@link #route} of its device, within {@link #READ_AHEAD_MS} ms of the
 * read, and is then forgotten. On PostgreSQL a query per request is a round trip each, twice per device of a campaign
 * (SRV 11.4, then SRV 11.2). A route read ahead is as current as one read at its request's submission a few
 * milliseconds later would be: a change of the device's hub committed in between is not seen, as one committed just
 * after the request is not. A Service Request's decision, which has just read its devices, offers their routes the
 * same way ({@link #known}): on PostgreSQL the DSP's route read was a round trip per request.
 */
public final class SmiInventoryLookup implements InventoryLookup {
    /** How long a route read ahead is kept for its request, in ms. */
    static final long READ_AHEAD_MS = 2_000;
    /** Most device ids in one query. */
    private static final int CHUNK = 1_000;
    private static final String SELECT = "SELECT d.device_id, h.device_id, h.region, d.device_type FROM device d "
            + "JOIN comms_hub h ON h.device_id = d.comms_hub_id";

    private record Ahead(Optional<CommsHubRoute> route, long readAtNanos) {
        /** Whether the route may still answer a {@link #route} at {@code nanos} ({@link #READ_AHEAD_MS}). */
        boolean freshAt(long nanos) {
            return nanos - readAtNanos <= READ_AHEAD_MS * 1_000_000L;
        }
    }

    private final Jdbi jdbi;
    private final Map<String, Ahead> ahead = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong offered = new java.util.concurrent.atomic.AtomicLong();

    public SmiInventoryLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CommsHubRoute> route(DeviceId deviceId) {
        Ahead a = ahead.remove(deviceId.value());
        if (a != null && a.freshAt(System.nanoTime())) {
            return a.route();
        }
        // a plain statement: attaching the SqlObject builds a handler for each of DeviceDao's methods, per call; on a
        // campaign's sending thread that was an eighth of its time
        return jdbi.withHandle(h -> h.createQuery(DeviceDao.ROUTE).bind("id", deviceId.value())
                .map(new DeviceDao.RouteRows()).findOne());
    }

    /**
     * Reads the routes of these devices now, in queries of up to 1,000 ids, for their next {@link #route} within
     * {@link #READ_AHEAD_MS} ms; a device the SMI does not route is remembered as such. Routes read ahead earlier and
     * not asked for are dropped once too old.
     */
    public void readAhead(Collection<String> deviceIds) {
        long now = System.nanoTime();
        ahead.values().removeIf(a -> !a.freshAt(now));
        if (deviceIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(deviceIds);
        jdbi.useHandle(h -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                for (String id : chunk) {
                    ahead.put(id, new Ahead(Optional.empty(), now));
                }
                read(h, chunk, now);
            }
        });
    }

    /**
     * The route of a device just read from the SMI (by a Service Request's decision, from the SMI read model), for
     * the DSP's {@link #route} of it within {@link #READ_AHEAD_MS} ms: as current as a route read at that moment. A
     * device on no hub is left to {@link #route}. Routes offered and not asked for are dropped once too old.
     */
    public void known(Device device) {
        if (device.commsHubId() == null || device.region() == null) {
            return;
        }
        long now = System.nanoTime();
        if ((offered.incrementAndGet() & 1023) == 0) {
            ahead.values().removeIf(a -> !a.freshAt(now));
        }
        ahead.put(device.deviceId(), new Ahead(Optional.of(new CommsHubRoute(new DeviceId(device.commsHubId()),
                device.region(), device.deviceType())), now));
    }

    // the read-ahead query takes a list of ids, bound per database: SQL kept here rather than in DeviceDao
    private void read(Handle h, List<String> chunk, long now) {
        var query = org.secflow.store.Database.isPostgresql(h)
                ? h.createQuery(SELECT + " JOIN unnest(CAST(:ids AS varchar[])) AS t(id) ON d.device_id = t.id").bind("ids", chunk.toArray(String[]::new))
                : h.createQuery(SELECT + " WHERE d.device_id IN (<ids>)").bindList("ids", chunk);
        query.map((rs, ctx) -> Map.entry(rs.getString(1), route(rs.getString(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> ahead.put(e.getKey(), new Ahead(Optional.of(e.getValue()), now)));
    }

    private static CommsHubRoute route(String hub, String region, String type) {
        return new CommsHubRoute(new DeviceId(hub), Region.valueOf(region), DeviceType.valueOf(type));
    }
}
