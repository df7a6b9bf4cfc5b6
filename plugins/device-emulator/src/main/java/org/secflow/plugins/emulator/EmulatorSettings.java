package org.secflow.plugins.emulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secflow.spi.AltHanDeviceVariant;

/**
 * The validated configuration of a {@link HanEmulator}; the keys and their meaning are documented on
 * {@link HanEmulatorFactory}. Shares are fractions in [0, 1]; times are in milliseconds.
 *
 * <p>Estate keys (defaults): {@code altHanShare} (0.03), {@code prepaymentShare} (0.15), {@code tcsoShare} (0.01),
 * {@code electricityOnlyShare} (0.15), {@code gasOnlyShare} (0.01), {@code ihdShare} (0.90), {@code hcalcsShare}
 * (0.01), {@code cadShare} (0.02), {@code batteryPoweredVariant} (B4).
 *
 * <p>Command keys ({@link ResponseSettings}, defaults): {@code latencyMs} (20, 0..60000), {@code transferTimeMs} (20),
 * {@code activationTimeMs} (20), {@code fileTransferFailureRate} (0; the older key {@code transferFailureRate} is an
 * alias, giving both is refused), {@code activationFailureRate} (0), {@code noAnswerRate} (0), {@code lowBatteryRate}
 * (0), {@code lowBatteryPeriodMs} (3600000, at least 1), {@code timeScale} (1, above 0, at most 1000000).
 *
 * @param responses how commands are answered
 */
record EmulatorSettings(double altHanShare, double prepaymentShare, double tcsoShare, double electricityOnlyShare,
                        double gasOnlyShare, double ihdShare, double hcalcsShare, double cadShare,
                        AltHanDeviceVariant batteryPoweredVariant, ResponseSettings responses, double apcShare) {

    /** Settings with the default {@code apcShare} (0.01). */
    EmulatorSettings(double altHanShare, double prepaymentShare, double tcsoShare, double electricityOnlyShare,
                     double gasOnlyShare, double ihdShare, double hcalcsShare, double cadShare,
                     AltHanDeviceVariant batteryPoweredVariant, ResponseSettings responses) {
        this(altHanShare, prepaymentShare, tcsoShare, electricityOnlyShare, gasOnlyShare, ihdShare, hcalcsShare, cadShare,
                batteryPoweredVariant, responses, 0.01);
    }

    static final String ALT_HAN_SHARE = "altHanShare";
    static final String PREPAYMENT_SHARE = "prepaymentShare";
    static final String TCSO_SHARE = "tcsoShare";
    /** The older name of {@link #FILE_TRANSFER_FAILURE_RATE}, still read. */
    static final String TRANSFER_FAILURE_RATE = "transferFailureRate";
    static final String FILE_TRANSFER_FAILURE_RATE = "fileTransferFailureRate";
    static final String LATENCY_MS = "latencyMs";
    static final String TRANSFER_TIME_MS = "transferTimeMs";
    static final String ACTIVATION_TIME_MS = "activationTimeMs";
    static final String ACTIVATION_FAILURE_RATE = "activationFailureRate";
    static final String NO_ANSWER_RATE = "noAnswerRate";
    static final String LOW_BATTERY_RATE = "lowBatteryRate";
    static final String LOW_BATTERY_PERIOD_MS = "lowBatteryPeriodMs";
    static final String TIME_SCALE = "timeScale";
    static final String ELECTRICITY_ONLY_SHARE = "electricityOnlyShare";
    static final String GAS_ONLY_SHARE = "gasOnlyShare";
    static final String IHD_SHARE = "ihdShare";
    static final String HCALCS_SHARE = "hcalcsShare";
    static final String CAD_SHARE = "cadShare";
    static final String APC_SHARE = "apcShare";
    static final String BATTERY_POWERED_VARIANT = "batteryPoweredVariant";
    /** Prefix of the per-use-case failure rates, e.g. {@code failureRate.ECS43} = 0.1. */
    static final String FAILURE_RATE_PREFIX = "failureRate.";

    /** Every key this emulator reads; any other key is refused, so that a misspelt key is not silently ignored. */
    static final Set<String> KEYS = Set.of(ALT_HAN_SHARE, PREPAYMENT_SHARE, TCSO_SHARE, TRANSFER_FAILURE_RATE,
            FILE_TRANSFER_FAILURE_RATE, LATENCY_MS, TRANSFER_TIME_MS, ACTIVATION_TIME_MS, ACTIVATION_FAILURE_RATE,
            NO_ANSWER_RATE, LOW_BATTERY_RATE, LOW_BATTERY_PERIOD_MS, TIME_SCALE, ELECTRICITY_ONLY_SHARE,
            GAS_ONLY_SHARE, IHD_SHARE, HCALCS_SHARE, CAD_SHARE, BATTERY_POWERED_VARIANT, APC_SHARE);

    EmulatorSettings {
        requireShare(ALT_HAN_SHARE, altHanShare);
        requireShare(PREPAYMENT_SHARE, prepaymentShare);
        requireShare(TCSO_SHARE, tcsoShare);
        requireShare(ELECTRICITY_ONLY_SHARE, electricityOnlyShare);
        requireShare(GAS_ONLY_SHARE, gasOnlyShare);
        requireShare(IHD_SHARE, ihdShare);
        requireShare(HCALCS_SHARE, hcalcsShare);
        requireShare(CAD_SHARE, cadShare);
        requireShare(APC_SHARE, apcShare);
        if (electricityOnlyShare + gasOnlyShare > 1.0) {
            throw new IllegalArgumentException(ELECTRICITY_ONLY_SHARE + " + " + GAS_ONLY_SHARE
                    + " must not exceed 1, got " + electricityOnlyShare + " + " + gasOnlyShare);
        }
        if (responses == null) {
            throw new IllegalArgumentException("responses must be given");
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
            if (!KEYS.contains(key) && !key.startsWith(FAILURE_RATE_PREFIX)) {
                throw new IllegalArgumentException("unknown device-emulator configuration key '" + key
                        + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Map<String, String> c = new HashMap<>(config);
        if (c.containsKey(TRANSFER_FAILURE_RATE)) {
            if (c.containsKey(FILE_TRANSFER_FAILURE_RATE)) {
                throw new IllegalArgumentException(TRANSFER_FAILURE_RATE + " is the older name of "
                        + FILE_TRANSFER_FAILURE_RATE + "; give one of them, not both");
            }
            String text = c.get(TRANSFER_FAILURE_RATE);
            share(c, TRANSFER_FAILURE_RATE, 0.0);
            c.put(FILE_TRANSFER_FAILURE_RATE, text);
        }
        ResponseSettings d = ResponseSettings.DEFAULTS;
        ResponseSettings responses = new ResponseSettings(
                    millis(c, LATENCY_MS, d.latencyMs()),
                    millis(c, TRANSFER_TIME_MS, d.transferTimeMs()),
                    millis(c, ACTIVATION_TIME_MS, d.activationTimeMs()),
                    share(c, FILE_TRANSFER_FAILURE_RATE, d.fileTransferFailureRate()),
                    share(c, ACTIVATION_FAILURE_RATE, d.activationFailureRate()),
                    share(c, NO_ANSWER_RATE, d.noAnswerRate()),
                    share(c, LOW_BATTERY_RATE, d.lowBatteryRate()),
                    millis(c, LOW_BATTERY_PERIOD_MS, d.lowBatteryPeriodMs()),
                    positive(c, TIME_SCALE, d.timeScale()));
        return new EmulatorSettings(
                share(c, ALT_HAN_SHARE, 0.03),
                share(c, PREPAYMENT_SHARE, 0.15),
                share(c, TCSO_SHARE, 0.01),
                share(c, ELECTRICITY_ONLY_SHARE, 0.15),
                share(c, GAS_ONLY_SHARE, 0.01),
                share(c, IHD_SHARE, 0.90),
                share(c, HCALCS_SHARE, 0.01),
                share(c, CAD_SHARE, 0.02),
                variant(c, BATTERY_POWERED_VARIANT, AltHanDeviceVariant.B4),
                responses,
                share(c, APC_SHARE, 0.01));
    }

    /**
     * The per-use-case failure rates: {@code failureRate.<GBCS use case>} = a share 0..1 of that use case's commands
     * that the device fails with COMMAND_FAILED; keyed by the use case in lower case.
     *
     * @param knownUseCase whether the emulator answers a use case
     * @throws IllegalArgumentException naming the key, for an unknown use case or a bad share
     */
    static Map<String, Double> failureRates(Map<String, String> config, java.util.function.Predicate<String> knownUseCase) {
        Map<String, Double> rates = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(FAILURE_RATE_PREFIX)) {
                String useCase = key.substring(FAILURE_RATE_PREFIX.length());
                if (!knownUseCase.test(useCase)) {
                    throw new IllegalArgumentException(key + " names GBCS use case '" + useCase
                            + "', which the device emulator does not answer");
                }
                rates.put(useCase.toLowerCase(Locale.ROOT), share(config, key, 0.0));
            }
        });
        return Map.copyOf(rates);
    }

    private static double positive(Map<String, String> config, String key, double defaultValue) {
        String text = config.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + text + "'", e);
        }
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

    static void requireShare(String key, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
        }
    }
}
