package org.secflow.plugins.smwan;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settings of a simulated SM WAN, from {@code plugins.config.<csp id>.<key>}. Each CSP passes its own defaults; the
 * latency defaults are illustrative figures for an emulation, not measured SM WAN latencies (no source gives one).
 *
 * @param latencyMs {@code latencyMs}: time from acceptance to hand-over to the hub, ms, 0 to one hour
 * @param jitterMs {@code jitterMs}: extra latency drawn uniformly from 0 to this, ms, 0 to one hour (default 0)
 * @param failureRate {@code failureRate}: share of commands the SM WAN fails to deliver, 0 to 1 (default 0)
 * @param seed {@code seed}: seed of the failure and jitter draws; the same seed and command ids give the same
 *     outcomes (default 0)
 * @param maxConcurrent {@code maxConcurrent}: most commands in flight at once (from acceptance to the command's
 *     final event); later ones wait in a FIFO queue; 0 (the default) is no limit
 * @param slotTimeoutMs {@code slotTimeoutMs}: longest a command holds a slot when the hub never sends its final
 *     event, ms, 1 to one day (default {@value #DEFAULT_SLOT_TIMEOUT_MS}); only used with a {@code maxConcurrent}
 */
public record SmWanSettings(long latencyMs, long jitterMs, double failureRate, long seed, int maxConcurrent,
                            long slotTimeoutMs) {
    /** Longest latency or jitter accepted, ms (one hour). */
    public static final long MAX_DELAY_MS = 3_600_000;
    /** Longest {@code slotTimeoutMs} accepted, ms (one day). */
    public static final long MAX_SLOT_TIMEOUT_MS = 86_400_000;
    /** Default {@code slotTimeoutMs}, ms (one hour). */
    public static final long DEFAULT_SLOT_TIMEOUT_MS = 3_600_000;
    /** The configuration keys. */
    public static final Set<String> KEYS = Set.of("latencyMs", "jitterMs", "failureRate", "seed", "maxConcurrent",
            "slotTimeoutMs");
    private static final Map<String, String> BASE_DEFAULTS = Map.of("latencyMs", "0", "jitterMs", "0",
            "failureRate", "0", "seed", "0", "maxConcurrent", "0", "slotTimeoutMs", Long.toString(DEFAULT_SLOT_TIMEOUT_MS));

    /** Settings without a concurrency limit. */
    public SmWanSettings(long latencyMs, long jitterMs, double failureRate, long seed) {
        this(latencyMs, jitterMs, failureRate, seed, 0, DEFAULT_SLOT_TIMEOUT_MS);
    }

    /** @throws IllegalArgumentException for a delay or failure rate out of range */
    public SmWanSettings {
        if (latencyMs < 0 || latencyMs > MAX_DELAY_MS || jitterMs < 0 || jitterMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("latencyMs and jitterMs must be between 0 and "
                    + MAX_DELAY_MS + " ms, got " + latencyMs + " and " + jitterMs);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be between 0 and 1, got " + failureRate);
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("maxConcurrent must be 0 (no limit) or more, got " + maxConcurrent);
        }
        if (slotTimeoutMs < 1 || slotTimeoutMs > MAX_SLOT_TIMEOUT_MS) {
            throw new IllegalArgumentException("slotTimeoutMs must be between 1 and " + MAX_SLOT_TIMEOUT_MS
                    + " ms, got " + slotTimeoutMs);
        }
    }

    /**
     * Reads the settings of the CSP {@code cspId} from its provider configuration.
     *
     * @param cspId the CSP's id, which starts every error message
     * @param defaults the CSP's defaults by key (e.g. {@code latencyMs}); a key it leaves out defaults to 0
     * @param config the provider configuration
     * @throws IllegalArgumentException naming the key, for an unknown key or a value that is no number in range
     */
    public static SmWanSettings from(String cspId, Map<String, String> defaults, Map<String, String> config) {
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.addAll(defaults.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(cspId + " does not know configuration keys " + unknown
                    + "; it knows " + new TreeSet<>(KEYS));
        }
        Map<String, String> values = new HashMap<>(BASE_DEFAULTS);
        values.putAll(defaults);
        values.putAll(config);
        long latencyMs = number(cspId, values, "latencyMs", Long::parseLong);
        long jitterMs = number(cspId, values, "jitterMs", Long::parseLong);
        double failureRate = number(cspId, values, "failureRate", Double::parseDouble);
        long seed = number(cspId, values, "seed", Long::parseLong);
        int maxConcurrent = number(cspId, values, "maxConcurrent", Integer::parseInt);
        long slotTimeoutMs = number(cspId, values, "slotTimeoutMs", Long::parseLong);
        try {
            return new SmWanSettings(latencyMs, jitterMs, failureRate, seed, maxConcurrent, slotTimeoutMs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cspId + " " + e.getMessage(), e);
        }
    }

    private static <T> T number(String cspId, Map<String, String> values, String key, Function<String, T> parse) {
        String value = values.get(key);
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cspId + " " + key + " must be a number, got '" + value + "'", e);
        }
    }
}
