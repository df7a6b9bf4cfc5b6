package org.secflow.creditcover;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One Party's Credit Cover position for the rules (rules/credit-cover.drl): inputs set by {@link CreditCoverRules},
 * outputs (null until a rule sets them) set by the rules. A JavaBean for Drools; one per evaluation.
 */
public final class CreditCoverFact {
    /** the Party assessed. */
    private String partyId;
    /** day of the assessment. */
    private LocalDate asOf;
    /** the Party's own Maximum Credit Value. */
    private BigDecimal maximumCreditValue;
    /** whether a PCG lets the parent's values be used. */
    private boolean parentCompanyGuarantee;
    /** the parent's Maximum Credit Value (with a PCG). */
    private BigDecimal parentMaximumCreditValue;
    /** unpaid invoiced Charges incl. VAT (J3.3(a)). */
    private BigDecimal unpaidInvoiced;
    /** estimated Charges until the next Invoice (J3.3(b)). */
    private BigDecimal estimatedCharges;
    /** day the current shortfall was first assessed. */
    private LocalDate shortfallSince;
    /** earliest due date of an Invoice unpaid after it fell due, or null. */
    private LocalDate paymentFailureOn;
    /** Regulatory Year of asOf, e.g. 2025/26. */
    private String regulatoryYear;
    /** the October before the Regulatory Year, e.g. 2024-10. */
    private String cpiMonth;
    /** OUTPUT CC-VALUE-AT-RISK. */
    private BigDecimal valueAtRisk;
    /** OUTPUT factor used. */
    private BigDecimal unsecuredCreditFactor;
    /** OUTPUT OWN or PARENT. */
    private String limitBasis;
    /** OUTPUT CC-UNSECURED-LIMIT-*. */
    private BigDecimal unsecuredCreditLimit;
    /** OUTPUT CC-REQUIREMENT. */
    private BigDecimal requirement;
    /** OUTPUT CC-THRESHOLD (whole pounds, 2 decimals). */
    private BigDecimal threshold;
    /** OUTPUT CC-SUPPORT-REQUIRED / CC-BELOW-THRESHOLD. */
    private Boolean supportRequired;
    /** OUTPUT CC-SUPPORT-HELD. */
    private BigDecimal supportHeld;
    /** OUTPUT CC-SHORTFALL / CC-COVERED. */
    private BigDecimal shortfall;
    /** OUTPUT CC-TOPUP-DEADLINE. */
    private LocalDate topUpDeadline;
    /** OUTPUT CC-EVENT-OF-DEFAULT. */
    private Boolean eventOfDefault;
    /** OUTPUT CC-DRAWING-DAY. */
    private LocalDate drawableFrom;

    public String getPartyId() {
        return partyId;
    }

    public void setPartyId(String partyId) {
        this.partyId = partyId;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf;
    }

    public BigDecimal getMaximumCreditValue() {
        return maximumCreditValue;
    }

    public void setMaximumCreditValue(BigDecimal maximumCreditValue) {
        this.maximumCreditValue = maximumCreditValue;
    }

    public boolean isParentCompanyGuarantee() {
        return parentCompanyGuarantee;
    }

    public void setParentCompanyGuarantee(boolean parentCompanyGuarantee) {
        this.parentCompanyGuarantee = parentCompanyGuarantee;
    }

    public BigDecimal getParentMaximumCreditValue() {
        return parentMaximumCreditValue;
    }

    public void setParentMaximumCreditValue(BigDecimal parentMaximumCreditValue) {
        this.parentMaximumCreditValue = parentMaximumCreditValue;
    }

    public BigDecimal getUnpaidInvoiced() {
        return unpaidInvoiced;
    }

    public void setUnpaidInvoiced(BigDecimal unpaidInvoiced) {
        this.unpaidInvoiced = unpaidInvoiced;
    }

    public BigDecimal getEstimatedCharges() {
        return estimatedCharges;
    }

    public void setEstimatedCharges(BigDecimal estimatedCharges) {
        this.estimatedCharges = estimatedCharges;
    }

    public LocalDate getShortfallSince() {
        return shortfallSince;
    }

    public void setShortfallSince(LocalDate shortfallSince) {
        this.shortfallSince = shortfallSince;
    }

    public LocalDate getPaymentFailureOn() {
        return paymentFailureOn;
    }

    public void setPaymentFailureOn(LocalDate paymentFailureOn) {
        this.paymentFailureOn = paymentFailureOn;
    }

    public String getRegulatoryYear() {
        return regulatoryYear;
    }

    public void setRegulatoryYear(String regulatoryYear) {
        this.regulatoryYear = regulatoryYear;
    }

    public String getCpiMonth() {
        return cpiMonth;
    }

    public void setCpiMonth(String cpiMonth) {
        this.cpiMonth = cpiMonth;
    }

    public BigDecimal getValueAtRisk() {
        return valueAtRisk;
    }

    public void setValueAtRisk(BigDecimal valueAtRisk) {
        this.valueAtRisk = valueAtRisk;
    }

    public BigDecimal getUnsecuredCreditFactor() {
        return unsecuredCreditFactor;
    }

    public void setUnsecuredCreditFactor(BigDecimal unsecuredCreditFactor) {
        this.unsecuredCreditFactor = unsecuredCreditFactor;
    }

    public String getLimitBasis() {
        return limitBasis;
    }

    public void setLimitBasis(String limitBasis) {
        this.limitBasis = limitBasis;
    }

    public BigDecimal getUnsecuredCreditLimit() {
        return unsecuredCreditLimit;
    }

    public void setUnsecuredCreditLimit(BigDecimal unsecuredCreditLimit) {
        this.unsecuredCreditLimit = unsecuredCreditLimit;
    }

    public BigDecimal getRequirement() {
        return requirement;
    }

    public void setRequirement(BigDecimal requirement) {
        this.requirement = requirement;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public Boolean getSupportRequired() {
        return supportRequired;
    }

    public void setSupportRequired(Boolean supportRequired) {
        this.supportRequired = supportRequired;
    }

    public BigDecimal getSupportHeld() {
        return supportHeld;
    }

    public void setSupportHeld(BigDecimal supportHeld) {
        this.supportHeld = supportHeld;
    }

    public BigDecimal getShortfall() {
        return shortfall;
    }

    public void setShortfall(BigDecimal shortfall) {
        this.shortfall = shortfall;
    }

    public LocalDate getTopUpDeadline() {
        return topUpDeadline;
    }

    public void setTopUpDeadline(LocalDate topUpDeadline) {
        this.topUpDeadline = topUpDeadline;
    }

    public Boolean getEventOfDefault() {
        return eventOfDefault;
    }

    public void setEventOfDefault(Boolean eventOfDefault) {
        this.eventOfDefault = eventOfDefault;
    }

    public LocalDate getDrawableFrom() {
        return drawableFrom;
    }

    public void setDrawableFrom(LocalDate drawableFrom) {
        this.drawableFrom = drawableFrom;
    }
}
