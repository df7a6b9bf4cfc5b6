package org.secflow.spi;

/**
 * GBCS alerts of the PPMID / Alt HAN bridge firmware flow (GBCS PPMID firmware flow; DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1).
 * Data keys in {@link DeviceEvent#data()}: {@code reason} for a transfer failure (e.g. {@code FILE_TRANSFER_FAILURE},
 * {@code BATTERY_LOW}), optionally with the CCS08 {@code result} (1 image discarded, 2 hardware version mismatch,
 * 3 file transfer failure); {@code firmwareVersion} and {@code result} ({@code 0} success, {@code 1} failure: the
 * device keeps its old version) for activation, which a DSP relays with {@code dccAlert} = {@code N39} (DCC Preliminary Impact Assessment for SECMP0170
 * section 4.1.1). A CS08 response of a battery-powered device may carry {@code batteryLow} ({@code true}/{@code false}).
 */
public enum GbcsAlert {
    /** 0x8F8A: the Communications Hub transferred the image to the device. */
    FIRMWARE_TRANSFER_SUCCESS(0x8F8A),
    /** 0x8F89: transfer failed (image discarded, hardware version mismatch, file transfer failure). */
    FIRMWARE_TRANSFER_FAILURE(0x8F89),
    /** 0x8F8B: the device activated an image; carries firmware version and result. */
    FIRMWARE_ACTIVATION(0x8F8B);

    private final int code;

    GbcsAlert(int code) {
        this.code = code;
    }

    /** The 16-bit alert code. */
    public int code() {
        return code;
    }

    /** The code as DUIS prints it, e.g. {@code 0x8F8A}. */
    public String hex() {
        return String.format("0x%04X", code);
    }
}
