package org.secflow.servicerequest;

import java.time.Duration;
import org.secflow.problem.DomainProblem;

/**
 * A Service Request for the DSP refused, before any decision, because the platform records the DSP's device events
 * further behind than its limit ({@code serviceRequests.maxRecordingLagMs}, README "Configuration") for longer than
 * the request waited for it ({@code ServiceRequestService.ADMISSION_WAIT}): accepting more would only let the gap
 * between what devices did and what the store shows grow. Nothing was decided, audited or written. Answered 503 with
 * {@code Retry-After}: the request is not at fault and may be sent again as it is. Requests the SMI answers (8.2, 8.4,
 * 12.2) are not held back.
 */
public final class ServiceRequestDeferredException extends DomainProblem {
    /** Seconds a client is asked to wait before sending again. */
    static final int RETRY_AFTER_SECONDS = 1;

    ServiceRequestDeferredException(String srv, Duration lag, Duration limit) {
        super("SRV " + srv + " was not carried out: the DSP's device responses are being recorded " + lag.toMillis()
                + " ms behind, over the limit of " + limit.toMillis() + " ms; nothing was recorded, send it again in "
                + RETRY_AFTER_SECONDS + " s", null, "serviceRequests.maxRecordingLagMs (README \"Configuration\")");
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service Request deferred";
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
