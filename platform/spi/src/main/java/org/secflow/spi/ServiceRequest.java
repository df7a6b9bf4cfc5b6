package org.secflow.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A Service Request for one device, already authenticated and validated against the rules by the host.
 *
 * @param requestId unique id; events for it carry it as correlation id
 * @param srv Service Request Variant, e.g. {@code 11.4} (Update PPMID Firmware) or {@code 11.2} (Read Firmware Version)
 * @param userId DCC User ID of the sender
 * @param userRole DCC User Role the request is sent in (IS, ES, GS, ED, GT, OU, RSA)
 * @param deviceId target device
 * @param parameters the SRV's payload: named values as text, checked by the DSP against the SRV's schema (e.g.
 *     {@code amountPence} for SRV 2.2); {@value #EXECUTION_DATE_TIME} (ISO-8601 instant) makes a request of a
 *     future-dated SRV run at that time, {@value #USE_CASE} picks one of several GBCS use cases of an SRV for the
 *     target's device type
 * @param firmwareImage image for SRV 11.4, else null
 */
public record ServiceRequest(String requestId, String srv, String userId, String userRole, DeviceId deviceId,
                             Map<String, String> parameters, FirmwareImage firmwareImage) {
    /** Parameter of a future-dated request: when to run it, an ISO-8601 instant (DUIS Execution Date Time). Since SPI 1.2. */
    public static final String EXECUTION_DATE_TIME = "executionDateTime";
    /** Parameter choosing one GBCS use case where an SRV has several for the target's type, e.g. CCS02. Since SPI 1.2. */
    public static final String USE_CASE = "useCase";

    public ServiceRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(srv, "srv");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
