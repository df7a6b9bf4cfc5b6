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

    private DeviceStateKeys() {
    }
}
