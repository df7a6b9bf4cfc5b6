package org.secflow.servicerequest;

import java.time.Instant;
import java.util.List;

/**
 * A Service Request with its progress, as {@code GET /api/service-requests/{id}} returns it.
 *
 * @param requestId id
 * @param srv SRV
 * @param userId sender
 * @param party sender's party
 * @param userRole role it was sent in
 * @param state ACCEPTED, IN_PROGRESS, COMPLETED, PARTIALLY_FAILED or FAILED
 * @param ruleSetVersion rule-set hash that accepted it
 * @param response JSON of the response for SRVs answered at once (8.2, 8.4, 12.2), else null
 * @param createdAt when accepted
 * @param updatedAt last change
 * @param devices per device state
 * @param history events in order
 * @param responses the DUIS-shaped responses of devices and of the DSP, in order of arrival
 * @param alerts the device alerts (GBCS alerts, e.g. 0x8F8B firmware activation relayed as DCC Alert N39), in order
 */
public record ServiceRequestView(String requestId, String srv, String userId, String party, String userRole, String state,
                                 String ruleSetVersion, String response, Instant createdAt, Instant updatedAt,
                                 List<DeviceProgress> devices, List<Event> history, List<Response> responses,
                                 List<Event> alerts) {

    /**
     * One response (DUIS, Service Request matrix: acknowledgement first, then the response).
     *
     * @param at when it arrived
     * @param deviceId the device answering, or the target of a DSP response
     * @param gbcsUseCase the GBCS use case, e.g. {@code ECS82}, or {@code DSP} for a response of the DSP itself
     * @param responseCode {@code I0} success, {@code E} when the command was not carried out ({@code reason} in body)
     * @param critical whether the SRV is Critical
     * @param body the response's values, e.g. {@code creditPence}
     */
    public record Response(Instant at, String deviceId, String gbcsUseCase, String responseCode, boolean critical,
                           java.util.Map<String, String> body) {
    }

    /** @param deviceId device; @param state its {@link RequestState}; @param detail last detail (reason, version) */
    public record DeviceProgress(String deviceId, String state, String detail) {
    }

    /** @param at when; @param deviceId device; @param stage stage; @param alert GBCS alert code or null; @param detail data */
    public record Event(Instant at, String deviceId, String stage, String alert, String detail) {
    }
}
