package org.secflow.plugins.emulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secflow.spi.AltHanDeviceVariant;

/**
 * The validated configuration of a {@link HanEmulator}; the keys and their meaning are documented on
 * {@link HanEmulatorFactory}. Shares are fractions in [0, 1]; latency is in milliseconds.
 */
record EmulatorSettings(double altHanShare, double prepaymentShare, double tcsoShare, double transferFailureRate,
                        long latencyMs, double electricityOnlyShare, double gasOnlyShare, double ihdShare,
                        double hcalcsShare, double cadShare, AltHanDeviceVariant batteryPoweredVariant) {

    static final String ALT_HAN_SHARE = "altHanShare";
    static final String PREPAYMENT_SHARE = "prepaymentShare";
    static final String TCSO_SHARE = "tcsoShare";
    static final String TRANSFER_FAILURE_RATE = "transferFailureRate";
    static final String LATENCY_MS = "latencyMs";
    static final String ELECTRICITY_ONLY_SHARE = "electricityOnlyShare";
    static final String GAS_ONLY_SHARE = "gasOnlyShare";
    static final String IHD_SHARE = "ihdShare";
    static final String HCALCS_SHARE = "hcalcsShare";
    static final String CAD_SHARE = "cadShare";
    static final String BATTERY_POWERED_VARIANT = "batteryPoweredVariant";

    /** Every key this emulator reads; any other key is refused, so that a misspelt key is not silently ignored. */
    static final Set<String> KEYS = Set.of(ALT_HAN_SHARE, PREPAYMENT_SHARE, TCSO_SHARE, TRANSFER_FAILURE_RATE,
            LATENCY_MS, ELECTRICITY_ONLY_SHARE, GAS_ONLY_SHARE, IHD_SHARE, HCALCS_SHARE, CAD_SHARE,
            BATTERY_POWERED_VARIANT);

    /** Longest accepted {@code latencyMs}: one minute. */
    static final long MAX_LATENCY_MS = 60_000;

    EmulatorSettings {
        requireShare(ALT_HAN_SHARE, altHanShare);
        requireShare(PREPAYMENT_SHARE, prepaymentShare);
        requireShare(TCSO_SHARE, tcsoShare);
        requireShare(TRANSFER_FAILURE_RATE, transferFailureRate);
        requireShare(ELECTRICITY_ONLY_SHARE, electricityOnlyShare);
        requireShare(GAS_ONLY_SHARE, gasOnlyShare);
        requireShare(IHD_SHARE, ihdShare);
        requireShare(HCALCS_SHARE, hcalcsShare);
        requireShare(CAD_SHARE, cadShare);
        if (electricityOnlyShare + gasOnlyShare > 1.0) {
            throw new IllegalArgumentException(ELECTRICITY_ONLY_SHARE + " + " + GAS_ONLY_SHARE
                    + " must not exceed 1, got " + electricityOnlyShare + " + " + gasOnlyShare);
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException(LATENCY_MS + " must be 0.." + MAX_LATENCY_MS + " ms, got " + latencyMs);
        }
        if (batteryPoweredVariant == null) {
            throw new IllegalArgumentException(BATTERY_POWERED_VARIANT + " must be one of B1, B2, B3, B4");
        }
    }

    /** The defaults documented on {@link HanEmulatorFactory}. */
    static EmulatorSettings defaults() {
        return from(Map.of());
    }

    /**
     * Reads the settings from a provider configuration.
     *
     * @throws IllegalArgumentException naming the key, when a key is unknown or a value is malformed or out of range
     */
    static EmulatorSettings from(Map<String, String> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown device-emulator configuration key '" + key
                        + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Map<String, String> c = new HashMap<>(config);
        return new EmulatorSettings(
                share(c, ALT_HAN_SHARE, 0.03),
                share(c, PREPAYMENT_SHARE, 0.15),
                share(c, TCSO_SHARE, 0.01),
                share(c, TRANSFER_FAILURE_RATE, 0.0),
                millis(c, LATENCY_MS, 20),
                share(c, ELECTRICITY_ONLY_SHARE, 0.15),
                share(c, GAS_ONLY_SHARE, 0.01),
                share(c, IHD_SHARE, 0.90),
                share(c, HCALCS_SHARE, 0.01),
                share(c, CAD_SHARE, 0.02),
                variant(c, BATTERY_POWERED_VARIANT, AltHanDeviceVariant.B4));
    }

    private static double share(Map<String, String> config, String key, double defaultValue) {
        String text = config.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.trim());
            requireShare(key, value);
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number between 0 and 1, got '" + text + "'", e);
        }
    }

    private static long millis(Map<String, String> config, String key, long defaultValue) {
        String text = config.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, got '" + text + "'", e);
        }
    }

    private static AltHanDeviceVariant variant(Map<String, String> config, String key, AltHanDeviceVariant defaultValue) {
        String text = config.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            return AltHanDeviceVariant.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of B1, B2, B3, B4, got '" + text + "'", e);
        }
    }

    private static void requireShare(String key, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
        }
    }
}
