package org.secflow.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Asynchronous progress of one command for one device, passed up from the Communications Hub (device emulator)
 * through the CSP and the DSP to the host. The same shape at every level; {@code correlationId} is the command id
 * below the DSP and the Service Request id above it.
 *
 * @param correlationId command or request id this event answers
 * @param deviceId the target device
 * @param stage how far the command got
 * @param alert the GBCS alert for {@link Stage#DEVICE_ALERT}, else null
 * @param data alert or response data (see {@link GbcsAlert}), or {@code reason} for {@link Stage#FAILED}
 * @param at when it happened (the emulator's or CSP's clock)
 */
public record DeviceEvent(String correlationId, DeviceId deviceId, Stage stage, GbcsAlert alert,
                          Map<String, String> data, Instant at) {

    /**
     * Data key of a DUIS-shaped result ({@link Stage#DEVICE_RESPONSE} or {@link Stage#FAILED} from a device or the
     * DSP): the GBCS use case that answered, e.g. {@code ECS52}, or {@code DSP} for a response the DSP gives itself
     * (non-device SRVs, DUIS "Service Request matrix"). Since SPI 1.2.
     */
    public static final String GBCS_USE_CASE = "gbcsUseCase";
    /**
     * Data key of a DUIS-shaped result: the response code, {@code I0} for success, {@code E}-codes for a command the
     * device or DSP could not carry out, with the reason in {@code reason}. Since SPI 1.2.
     */
    public static final String RESPONSE_CODE = "responseCode";
    /** Data key of a DUIS-shaped result: {@code true} for a Critical SRV (DUIS "Service Request matrix"). Since SPI 1.2. */
    public static final String CRITICAL = "critical";
    /** The response code of success (DUIS response code I0). */
    public static final String SUCCESS = "I0";

    /** How far a command got. */
    public enum Stage {
        /** The CSP accepted the command for its SM WAN. */
        ACCEPTED_BY_CSP,
        /** The command reached the Communications Hub. */
        DELIVERED_TO_HUB,
        /** The device or hub raised a GBCS alert ({@link #alert()} says which). */
        DEVICE_ALERT,
        /**
         * The device, or the DSP for a non-device SRV, answered: the response body in data (e.g. GBCS CS08 firmware
         * version in {@code firmwareVersion}), with {@link #GBCS_USE_CASE} and {@link #RESPONSE_CODE} since SPI 1.2.
         */
        DEVICE_RESPONSE,
        /** The command could not be carried; {@code reason} in data. */
        FAILED
    }

    public DeviceEvent {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        if ((stage == Stage.DEVICE_ALERT) != (alert != null)) {
            throw new IllegalArgumentException("an alert is given exactly for stage DEVICE_ALERT");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The same event with another correlation id (a DSP relaying a command's event for its request). */
    public DeviceEvent withCorrelationId(String id) {
        return new DeviceEvent(id, deviceId, stage, alert, data, at);
    }
}
