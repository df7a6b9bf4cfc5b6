package org.secflow.creditcover;

import java.math.BigDecimal;

/**
 * A SEC Party as Credit Cover sees it; also the body of {@code POST /api/credit-cover/parties}.
 *
 * @param partyId e.g. {@code SUPPLIER-A}
 * @param name display name
 * @param parentPartyId its Parent Company (a stored party), or null
 * @param parentCompanyGuarantee whether the parent has given a Parent Company Guarantee
 * @param maximumCreditValue Maximum Credit Value, pounds (J3.3A)
 * @param creditAssessmentScore Credit Assessment Score (J3.8)
 */
public record CreditParty(String partyId, String name, String parentPartyId, Boolean parentCompanyGuarantee,
        BigDecimal maximumCreditValue, Integer creditAssessmentScore) {
}
