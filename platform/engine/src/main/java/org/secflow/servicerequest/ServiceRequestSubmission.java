package org.secflow.servicerequest;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/service-requests}.
 *
 * @param srv Service Request Variant, e.g. {@code 11.4}; required
 * @param deviceId the target device (EUI-64), or
 * @param deviceIds several targets (at most {@value ServiceRequestService#MAX_DEVICES}); not both
 * @param userRole DCC User Role the request is sent in; optional when the User holds one, otherwise the first held
 *     role the rules accept is used
 * @param payload SRV-specific content: 12.2 the pre-notification fields ({@code deviceId}, {@code deviceType},
 *     {@code altHanDevice}, {@code altHanDeviceVariant}, ...), 8.4 the fields to update, 11.1 and 11.4
 *     {@code firmwareImageSha256}; every other SRV its fields as values or lists of values (e.g. {@code amountPence}
 *     for 2.2 Top Up Device), checked by the DSP against the SRV's schema, optionally {@code executionDateTime} (an
 *     ISO-8601 instant, future-dated SRVs) and {@code useCase} (one GBCS use case of several, e.g. CCS02 for 8.11)
 */
public record ServiceRequestSubmission(String srv, String deviceId, List<String> deviceIds, String userRole,
                                       Map<String, Object> payload) {
}
