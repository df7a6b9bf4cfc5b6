package org.secflow.plugins.emulator;

/**
 * Names of the values an emulated device remembers in its {@link DeviceStateStore}. Amounts are in pence, readings
 * in Wh (electricity) or dm3 (gas), times in epoch ms of emulated time.
 */
final class DeviceStateKeys {
    /** The firmware version the device runs (absent: the version it was generated or met with). */
    static final String FIRMWARE_ACTIVE = "firmware.active";
    /** The version of an image transferred (0x8F8A) but not yet activated (GBCS CS05c; CS08 reads it). */
    static final String FIRMWARE_PENDING = "firmware.pending";

    /** Supply status of a meter: Enabled (the default), Disabled or Armed (SRV 7.1-7.4). */
    static final String SUPPLY = "supply.status";
    /** Meter balance in pence (SRV 1.5, 2.2 write; 4.18 reads); absent: a value drawn from the Device ID. */
    static final String CREDIT = "balance.creditPence";
    /** The event log: entries {@code <emulated ISO time> <use case>} separated by newlines, newest last. */
    static final String EVENTS = "events.log";
    /** The HAN device log of a Communications Hub: entries {@code <Device ID>:<type>} separated by spaces. */
    static final String HAN_LOG = "han.log";

    private DeviceStateKeys() {
    }
}
