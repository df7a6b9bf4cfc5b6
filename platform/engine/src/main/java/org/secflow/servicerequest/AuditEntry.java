package org.secflow.servicerequest;

import java.time.Instant;
import java.util.List;

/**
 * One decision as audited: who, which SRV and devices, the outcome and the rule-set version that decided.
 *
 * @param decidedAt when
 * @param userId DCC User ID
 * @param party SEC Party
 * @param userRole role the request was decided in, or null when none was accepted
 * @param srv SRV
 * @param deviceIds target devices
 * @param outcome {@code ACCEPTED} or {@code REJECTED}
 * @param violationsJson the violations as JSON, or null
 * @param ruleSetVersion rule-set hash
 * @param requestId the request id for accepted requests, else null
 */
record AuditEntry(Instant decidedAt, String userId, String party, String userRole, String srv, List<String> deviceIds,
                  String outcome, String violationsJson, String ruleSetVersion, String requestId) {
}
