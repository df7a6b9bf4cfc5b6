package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored Credit Cover assessment: every input, the whole outcome, and its key figures at the top.
 *
 * @param assessmentId id
 * @param partyId the Party
 * @param asOf the day assessed
 * @param requirement Credit Cover Requirement
 * @param threshold Credit Cover Threshold of the Regulatory Year
 * @param supportRequired whether Credit Support is required (requirement over the threshold)
 * @param supportHeld Credit Support counted
 * @param shortfall still to provide
 * @param topUpDeadline last day to top up, or null
 * @param eventOfDefault whether the Party is in Event of Default (M8.1)
 * @param firedRuleIds the Credit Cover rules that fired
 * @param ruleSetVersion the rules' version
 * @param inputs everything read
 * @param outcome everything the rules decided
 * @param assessedBy user id
 * @param assessedAt when
 */
public record CreditCoverAssessment(String assessmentId, String partyId, LocalDate asOf, BigDecimal requirement,
        BigDecimal threshold, boolean supportRequired, BigDecimal supportHeld, BigDecimal shortfall, LocalDate topUpDeadline,
        boolean eventOfDefault, List<String> firedRuleIds, String ruleSetVersion, CreditCoverInputs inputs,
        CreditCoverOutcome outcome, String assessedBy, Instant assessedAt) {

    static CreditCoverAssessment of(String id, CreditCoverInputs in, CreditCoverOutcome o, String by, Instant at) {
        return new CreditCoverAssessment(id, in.partyId(), in.asOf(), o.requirement(), o.threshold(), o.supportRequired(),
                o.supportHeld(), o.shortfall(), o.topUpDeadline(), o.eventOfDefault(), o.firedRuleIds(), o.ruleSetVersion(),
                in, o, by, at);
    }
}
