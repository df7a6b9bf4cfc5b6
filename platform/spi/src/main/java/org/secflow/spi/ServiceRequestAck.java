package org.secflow.spi;

/**
 * The DSP's synchronous acknowledgement of a Service Request (DUIS: acknowledgement first, result later).
 *
 * @param requestId the request acknowledged
 * @param accepted whether the DSP took it on
 * @param reason why not, when not accepted; else null
 */
public record ServiceRequestAck(String requestId, boolean accepted, String reason) {

    public static ServiceRequestAck accepted(String requestId) {
        return new ServiceRequestAck(requestId, true, null);
    }

    public static ServiceRequestAck rejected(String requestId, String reason) {
        return new ServiceRequestAck(requestId, false, reason);
    }
}
