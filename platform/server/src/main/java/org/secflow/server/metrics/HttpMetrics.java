package org.secflow.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * API requests timed by method, route template (e.g. {@code /api/devices/{deviceId}}, never the raw path, so the
 * number of series stays bounded) and status. A timer per key is built once and then found by a map look-up.
 */
public final class HttpMetrics {
    /** The route tag of a request no route matched. */
    public static final String UNMATCHED = "UNMATCHED";
    /** The route tag of a request refused before its route ran (an unsupported Content-Type or charset). */
    public static final String BEFORE_ROUTE = "BEFORE_ROUTE";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String route, int status) {
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records one request.
     *
     * @param route the matched route template, or {@link #UNMATCHED}
     * @param millis time taken, in milliseconds
     */
    public void record(String method, String route, int status, float millis) {
        timers.computeIfAbsent(new Key(method, route, status), k -> Timer.builder("http.server.requests")
                        .tag("method", k.method()).tag("route", k.route()).tag("status", Integer.toString(k.status()))
                        .description("API requests by route template and status").register(registry))
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
