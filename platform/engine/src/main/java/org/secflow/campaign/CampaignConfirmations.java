package org.secflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Confirmed devices of a campaign over time, for the console's chart: a device's row is last written when it
 * becomes {@link DeviceState#CONFIRMED} (a final state), so the {@code updated_at} of its confirmed rows is the
 * moment each device was confirmed. Read from the store at the time asked; nothing is kept.
 */
public final class CampaignConfirmations {
    /** Most points one series has; confirmations are counted in equal time buckets of at least a second. */
    public static final int MAX_POINTS = 120;

    private final Jdbi jdbi;

    public CampaignConfirmations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The cumulative count of confirmed devices at the end of each time bucket.
     *
     * @return {@code [{at (ISO instant), confirmed (devices, cumulative)}]}, oldest first: a first point of 0 at the
     *         first confirmation's bucket start, then at most {@link #MAX_POINTS} points; empty when none is confirmed
     */
    public List<Map<String, Object>> overTime(String campaignId) {
        long[] at = jdbi.withHandle(h -> h.createQuery("""
                        SELECT updated_at FROM campaign_device WHERE campaign_id = :id AND state = 'CONFIRMED'""")
                .bind("id", campaignId)
                .map((rs, ctx) -> rs.getTimestamp(1).toInstant().toEpochMilli()).list())
                .stream().mapToLong(Long::longValue).toArray();
        List<Map<String, Object>> points = new ArrayList<>();
        if (at.length == 0) {
            return points;
        }
        Arrays.sort(at);
        long first = at[0] - at[0] % 1000;
        long span = at[at.length - 1] - first + 1;
        long width = Math.max(1000, (span + MAX_POINTS - 1) / MAX_POINTS);
        points.add(point(first, 0));
        int i = 0;
        for (long end = first + width; i < at.length; end += width) {
            while (i < at.length && at[i] < end) {
                i++;
            }
            points.add(point(end, i));
        }
        return points;
    }

    private static Map<String, Object> point(long epochMillis, long confirmed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", Instant.ofEpochMilli(epochMillis));
        p.put("confirmed", confirmed);
        return p;
    }
}
