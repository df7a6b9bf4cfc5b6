package org.secflow.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one device of a firmware campaign is (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1 for the alerts). Success counts only
 * at {@link #CONFIRMED} (Eclipse hawkBit counts at "finished": eclipse-hawkbit/hawkbit#3185).
 */
public enum DeviceState {
    /** Selected; eligibility not yet checked. */
    PENDING,
    /** Eligible and waiting for its wave, its HAN, a Planned Maintenance window to pass, or a retry. */
    SCHEDULED,
    /** SRV 11.4 handed to the DSP (recorded before it is handed over). */
    SENT,
    /** GBCS alert 0x8F8A Firmware Transfer Success: the device holds the image. */
    DELIVERED,
    /** Final: alert 0x8F89 (reason given) or a command failure, after the retries allowed. */
    DELIVERY_FAILED,
    /** Alert 0x8F8B with result 0 (DCC Alert N39); the version read (SRV 11.2) is under way. */
    ACTIVATED,
    /** Final: 0x8F8B with a non-zero result, or SRV 11.2 read another version. */
    ACTIVATION_FAILED,
    /** Final: SRV 11.2 read the image's version; the SMI holds it (BR5-BR7). */
    CONFIRMED,
    /** Final: no progress within the campaign's device timeout (as Eclipse hawkBit does, eclipse-hawkbit/hawkbit#693); counts as failed. */
    TIMED_OUT,
    /** Final: never sent, with the reason (ineligible, upgrade pathway, battery low past the retries). */
    SKIPPED,
    /** Final: the campaign was cancelled before the device was sent. */
    CANCELLED;

    /** States a device never leaves. */
    public static final Set<DeviceState> FINAL = EnumSet.of(DELIVERY_FAILED, ACTIVATION_FAILED, CONFIRMED, TIMED_OUT,
            SKIPPED, CANCELLED);
    /** States that count against the error threshold. */
    public static final Set<DeviceState> FAILED = EnumSet.of(DELIVERY_FAILED, ACTIVATION_FAILED, TIMED_OUT);
    /** States in which the device's HAN is busy with this update (BR9: one device per HAN at a time). */
    public static final Set<DeviceState> IN_FLIGHT = EnumSet.of(SENT, DELIVERED, ACTIVATED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
