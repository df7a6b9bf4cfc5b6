package org.secflow.servicerequest;

import java.util.Objects;
import org.secflow.rules.scenario.Outcome;

/**
 * One row of a scenario table {@code rules/<set>.cases.csv}: a {@link ServiceRequestFact} and the outcome the whole
 * rule base must give it. Empty text cells are {@code null}, empty flags {@code false}, an empty count 0.
 *
 * @param file scenario table file name, e.g. {@code alt-han.cases.csv}
 * @param line 1-based line of the row in that file
 * @param name the case's name (column {@code case}), unique in its file
 * @param role the User's DCC User Role; several separated by spaces (e.g. {@code IS GS}) = a User holding them all
 *     who names none, judged as the service judges it ({@link RoleChoice})
 * @param mpan Import MPAN of the premises, or null; likewise {@code exportMpan}, {@code mprn}
 * @param requestDate the day the request is decided, or null (then no appointment or consent is in force)
 * @param expectedOutcome ACCEPTED or REJECTED
 * @param expectedRuleId for REJECTED, the rule id that must be among the violations (an access rule id,
 *     {@code ACCESS-*}, must be the only one); null for ACCEPTED
 * @param expectedRole for ACCEPTED, the role it must be accepted in, or null (not checked); null for REJECTED
 */
public record ScenarioCase(String file, long line, String name,
                           String srv, String role, String userParty, String deviceId, boolean deviceKnown,
                           String deviceType, boolean altHanDevice, String altHanVariant, boolean tcsoReclassified,
                           String mpan, String exportMpan, String mprn, String importSupplier, String exportSupplier,
                           String gasSupplier, java.time.LocalDate requestDate,
                           boolean updateInProgress, boolean firmwareImageGiven, boolean imageKnown,
                           boolean imageApplicable, String commsHubId, int type1DevicesOnHub, boolean addsType1Device,
                           Outcome expectedOutcome, String expectedRuleId, String expectedRole) {

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
        if (expectedOutcome == Outcome.REJECTED && expectedRole != null) {
            throw new IllegalArgumentException("a REJECTED case is accepted in no role: expectedRole must be empty, got " + expectedRole);
        }
        if (expectedRole != null && !rolesOf(role).contains(expectedRole)) {
            throw new IllegalArgumentException("expectedRole " + expectedRole + " is not among the User's roles " + rolesOf(role));
        }
    }

    /** The User's roles, in the order they are tried (name order, as the service tries them); [null] without a role. */
    public java.util.List<String> roles() {
        return rolesOf(role);
    }

    private static java.util.List<String> rolesOf(String role) {
        if (role == null) {
            return java.util.Collections.singletonList(null);
        }
        return java.util.Arrays.stream(role.trim().split("\\s+")).distinct().sorted().toList();
    }

    /** Where the case is written: {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** The fact the rules evaluate, in the User's (first) role. */
    public ServiceRequestFact toFact() {
        return toFact(roles().get(0));
    }

    /** The fact the rules evaluate when the request is sent in {@code inRole}. */
    public ServiceRequestFact toFact(String inRole) {
        ServiceRequestFact f = new ServiceRequestFact();
        f.setSrv(srv);
        f.setRole(inRole);
        f.setUserParty(userParty);
        f.setDeviceId(deviceId);
        f.setDeviceKnown(deviceKnown);
        f.setDeviceType(deviceType);
        f.setAltHanDevice(altHanDevice);
        f.setAltHanVariant(altHanVariant);
        f.setTcsoReclassified(tcsoReclassified);
        f.setMpan(mpan);
        f.setExportMpan(exportMpan);
        f.setMprn(mprn);
        f.setImportSupplier(importSupplier);
        f.setExportSupplier(exportSupplier);
        f.setGasSupplier(gasSupplier);
        f.setRequestDate(requestDate);
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
