package org.secflow.plugins.emulator;

/**
 * How the emulated Communications Hubs and devices answer commands: timings, failure rates per cause, low battery
 * and accelerated time. Part of {@link EmulatorSettings}; keys and defaults are documented there and on
 * {@link HanEmulatorFactory}. Rates are fractions in [0, 1]; times are milliseconds of emulated time, which
 * {@code timeScale} divides to give host time.
 *
 * @param latencyMs {@code latencyMs}: command to hub ({@code DELIVERED_TO_HUB}), and hub to CS08 response
 * @param transferTimeMs {@code transferTimeMs}: {@code DELIVERED_TO_HUB} to the transfer alert (0x8F8A or 0x8F89)
 * @param activationTimeMs {@code activationTimeMs}: 0x8F8A to the activation alert 0x8F8B
 * @param fileTransferFailureRate {@code fileTransferFailureRate} (alias {@code transferFailureRate}): CS05c that end
 *     in 0x8F89 {@code FILE_TRANSFER_FAILURE}
 * @param activationFailureRate {@code activationFailureRate}: CS05c whose 0x8F8B carries {@code result} 1; the device
 *     keeps its old version
 * @param noAnswerRate {@code noAnswerRate}: CS05c after whose {@code DELIVERED_TO_HUB} the device never answers
 * @param lowBatteryRate {@code lowBatteryRate}: share of {@code lowBatteryPeriodMs} periods in which a battery-powered
 *     bridge reports low battery
 * @param lowBatteryPeriodMs {@code lowBatteryPeriodMs}: length of the periods of emulated time over which low battery
 *     is drawn, ms, at least 1
 * @param timeScale {@code timeScale}: emulated time per host time, e.g. 60 = one emulated minute per real second;
 *     every delay is divided by it
 */
record ResponseSettings(long latencyMs, long transferTimeMs, long activationTimeMs, double fileTransferFailureRate,
                        double activationFailureRate, double noAnswerRate, double lowBatteryRate,
                        long lowBatteryPeriodMs, double timeScale) {

    /** Longest accepted {@code latencyMs}: one minute. */
    static final long MAX_LATENCY_MS = 60_000;
    /** Longest accepted {@code transferTimeMs}, {@code activationTimeMs} and {@code lowBatteryPeriodMs}: one week. */
    static final long MAX_STEP_MS = 7L * 24 * 3_600_000;
    /** Largest accepted {@code timeScale}. */
    static final double MAX_TIME_SCALE = 1_000_000;

    /** The defaults documented on {@link HanEmulatorFactory}. */
    static final ResponseSettings DEFAULTS = new ResponseSettings(20, 20, 20, 0, 0, 0, 0, 3_600_000, 1);

    ResponseSettings {
        range(EmulatorSettings.LATENCY_MS, latencyMs, 0, MAX_LATENCY_MS);
        range(EmulatorSettings.TRANSFER_TIME_MS, transferTimeMs, 0, MAX_STEP_MS);
        range(EmulatorSettings.ACTIVATION_TIME_MS, activationTimeMs, 0, MAX_STEP_MS);
        range(EmulatorSettings.LOW_BATTERY_PERIOD_MS, lowBatteryPeriodMs, 1, MAX_STEP_MS);
        EmulatorSettings.requireShare(EmulatorSettings.FILE_TRANSFER_FAILURE_RATE, fileTransferFailureRate);
        EmulatorSettings.requireShare(EmulatorSettings.ACTIVATION_FAILURE_RATE, activationFailureRate);
        EmulatorSettings.requireShare(EmulatorSettings.NO_ANSWER_RATE, noAnswerRate);
        EmulatorSettings.requireShare(EmulatorSettings.LOW_BATTERY_RATE, lowBatteryRate);
        if (!(timeScale > 0 && timeScale <= MAX_TIME_SCALE)) {
            throw new IllegalArgumentException(EmulatorSettings.TIME_SCALE + " must be above 0 and at most "
                    + (long) MAX_TIME_SCALE + ", got " + timeScale);
        }
    }

    /** Host nanoseconds for {@code emulatedMs} of emulated time; 0 stays 0. */
    long hostNanos(long emulatedMs) {
        return emulatedMs == 0 ? 0 : Math.max(1, Math.round(emulatedMs * 1_000_000.0 / timeScale));
    }

    /** The low-battery period containing host time {@code hostEpochMs} (periods count emulated time). */
    long batteryPeriod(long hostEpochMs) {
        return (long) Math.floor(hostEpochMs * timeScale / lowBatteryPeriodMs);
    }

    private static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + " ms, got " + value);
        }
    }
}
