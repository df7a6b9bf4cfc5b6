package org.secflow.plugins.cspnorth;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settings of the simulated CSP North SM WAN, from {@code plugins.config.csp-north.<key>}. The latency default is an
 * illustrative figure for an emulation, not a measured SM WAN latency (no seed gives one).
 *
 * @param latencyMs {@code latencyMs}: time from acceptance to hand-over to the hub, ms, 0 to one hour (default 150)
 * @param jitterMs {@code jitterMs}: extra latency drawn uniformly from 0 to this, ms, 0 to one hour (default 0)
 * @param failureRate {@code failureRate}: share of commands the SM WAN fails to deliver, 0 to 1 (default 0)
 * @param seed {@code seed}: seed of the failure and jitter draws; the same seed and command ids give the same
 *     outcomes (default 0)
 */
record NorthCspSettings(long latencyMs, long jitterMs, double failureRate, long seed) {
    /** Longest latency or jitter accepted, ms (one hour). */
    static final long MAX_DELAY_MS = 3_600_000;
    static final Set<String> KEYS = Set.of("latencyMs", "jitterMs", "failureRate", "seed");

    NorthCspSettings {
        if (latencyMs < 0 || latencyMs > MAX_DELAY_MS || jitterMs < 0 || jitterMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("csp-north latencyMs and jitterMs must be between 0 and "
                    + MAX_DELAY_MS + " ms, got " + latencyMs + " and " + jitterMs);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException(
                    "csp-north failureRate must be between 0 and 1, got " + failureRate);
        }
    }

    /**
     * Reads the settings from a provider configuration.
     *
     * @throws IllegalArgumentException naming the key, for an unknown key or a value that is no number in range
     */
    static NorthCspSettings from(Map<String, String> config) {
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("csp-north does not know configuration keys " + unknown
                    + "; it knows " + new TreeSet<>(KEYS));
        }
        return new NorthCspSettings(
                number(config, "latencyMs", "150", Long::parseLong),
                number(config, "jitterMs", "0", Long::parseLong),
                number(config, "failureRate", "0", Double::parseDouble),
                number(config, "seed", "0", Long::parseLong));
    }

    private static <T> T number(Map<String, String> config, String key, String defaultValue,
                                Function<String, T> parse) {
        String value = config.getOrDefault(key, defaultValue);
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "csp-north " + key + " must be a number, got '" + value + "'", e);
        }
    }
}
