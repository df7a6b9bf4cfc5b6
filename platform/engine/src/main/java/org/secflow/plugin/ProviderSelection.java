package org.secflow.plugin;

import java.util.EnumMap;
import java.util.Map;
import org.secflow.spi.Region;

/**
 * Which provider serves what (the Keycloak way: chosen by configuration, never a silent fallback).
 *
 * @param dsp DSP factory id, or null when not needed (e.g. {@code estate generate})
 * @param csps CSP factory id per region; regions left out get no CSP
 * @param deviceEmulator device emulator factory id, or null when not needed
 * @param config per provider id, its configuration keys and values
 */
public record ProviderSelection(String dsp, Map<Region, String> csps, String deviceEmulator,
                                Map<String, Map<String, String>> config) {
    public ProviderSelection {
        csps = csps == null || csps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(csps));
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    /** Configuration of one provider, empty when none is given. */
    public Map<String, String> configOf(String providerId) {
        return config.getOrDefault(providerId, Map.of());
    }
}
