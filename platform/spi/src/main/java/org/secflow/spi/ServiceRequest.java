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
 * @param parameters SRV parameters
 * @param firmwareImage image for SRV 11.4, else null
 */
public record ServiceRequest(String requestId, String srv, String userId, String userRole, DeviceId deviceId,
                             Map<String, String> parameters, FirmwareImage firmwareImage) {
    public ServiceRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(srv, "srv");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
