package org.secflow.servicerequest;

import java.util.Objects;

/**
 * One row of a scenario table {@code rules/<set>.cases.csv}: a {@link ServiceRequestFact} and the outcome the whole
 * rule base must give it. Empty text cells are {@code null}, empty flags {@code false}, an empty count 0.
 *
 * @param file scenario table file name, e.g. {@code alt-han.cases.csv}
 * @param line 1-based line of the row in that file
 * @param name the case's name (column {@code case}), unique in its file
 * @param expectedOutcome ACCEPTED or REJECTED
 * @param expectedRuleId for REJECTED, the rule id that must be among the violations; null for ACCEPTED
 */
public record ScenarioCase(String file, long line, String name,
                           String srv, String role, String userParty, String deviceId, boolean deviceKnown,
                           String deviceType, boolean altHanDevice, String altHanVariant, boolean tcsoReclassified,
                           boolean hasMpan, boolean hasMprn, String importSupplier, String gasSupplier,
                           boolean updateInProgress, boolean firmwareImageGiven, boolean imageKnown,
                           boolean imageApplicable, String commsHubId, int type1DevicesOnHub, boolean addsType1Device,
                           Outcome expectedOutcome, String expectedRuleId) {

    /** What the rules decide for a request. */
    public enum Outcome { ACCEPTED, REJECTED }

    public ScenarioCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "case");
        Objects.requireNonNull(srv, "srv");
        Objects.requireNonNull(expectedOutcome, "expectedOutcome");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1-based: " + line);
        }
        if (type1DevicesOnHub < 0) {
            throw new IllegalArgumentException("type1DevicesOnHub must not be negative: " + type1DevicesOnHub);
        }
        if (expectedOutcome == Outcome.REJECTED && expectedRuleId == null) {
            throw new IllegalArgumentException("a REJECTED case names the rule id expected among the violations (expectedRuleId)");
        }
        if (expectedOutcome == Outcome.ACCEPTED && expectedRuleId != null) {
            throw new IllegalArgumentException("an ACCEPTED case has no expectedRuleId, got " + expectedRuleId);
        }
    }

    /** Where the case is written: {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** The fact the rules evaluate. */
    public ServiceRequestFact toFact() {
        ServiceRequestFact f = new ServiceRequestFact();
        f.setSrv(srv);
        f.setRole(role);
        f.setUserParty(userParty);
        f.setDeviceId(deviceId);
        f.setDeviceKnown(deviceKnown);
        f.setDeviceType(deviceType);
        f.setAltHanDevice(altHanDevice);
        f.setAltHanVariant(altHanVariant);
        f.setTcsoReclassified(tcsoReclassified);
        f.setHasMpan(hasMpan);
        f.setHasMprn(hasMprn);
        f.setImportSupplier(importSupplier);
        f.setGasSupplier(gasSupplier);
        f.setUpdateInProgress(updateInProgress);
        f.setFirmwareImageGiven(firmwareImageGiven);
        f.setImageKnown(imageKnown);
        f.setImageApplicable(imageApplicable);
        f.setCommsHubId(commsHubId);
        f.setType1DevicesOnHub(type1DevicesOnHub);
        f.setAddsType1Device(addsType1Device);
        return f;
    }
}
