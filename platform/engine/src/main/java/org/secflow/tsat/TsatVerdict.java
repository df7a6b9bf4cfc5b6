package org.secflow.tsat;

/**
 * What the TSAT rules found for one CHTS and GBCS version on one day.
 *
 * @param status the finding
 * @param ruleId the rule of rules/tsat.drl, e.g. {@code TSAT-MVP}
 * @param message why, with the dates
 * @param source the TSAT row's source
 */
public record TsatVerdict(TsatStatus status, String ruleId, String message, String source) {
}
