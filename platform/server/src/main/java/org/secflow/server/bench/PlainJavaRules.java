package org.secflow.server.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.secflow.registration.Fuel;
import org.secflow.registration.RegistrationTables;
import org.secflow.rules.RuleFinding;
import org.secflow.servicerequest.ServiceRequestFact;
import org.secflow.servicerequest.SrvApplicability;

/**
 * The benchmark's baseline: the checks of {@code rules/*.drl} and the SRV applicability table written as plain
 * Java over the same table data (read from {@code srv-applicability.drl.csv}), building the same findings. Not used
 * to decide anything: it exists to measure what the rule engine costs, and the benchmark checks that both give the
 * same findings (rule id, message and source) for every request.
 */
final class PlainJavaRules {
    private static final String PIA_SECMP0170 = "DCC Preliminary Impact Assessment for SECMP0170";
    private static final String MP170_REPORT = "MP170 draft Modification Report";
    private static final String FIRMWARE_SECTION = PIA_SECMP0170 + " section 4.1.1 (Firmware Distribution Management)";
    private final Map<String, SrvApplicability> matrix = new HashMap<>();
    private final RegistrationTables registration;

    PlainJavaRules(Path rulesDir) throws IOException {
        registration = RegistrationTables.load(rulesDir);
        try (Reader in = Files.newBufferedReader(rulesDir.resolve("srv-applicability.drl.csv"))) {
            boolean rows = false;
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                if (!rows) {
                    rows = r.size() > 0 && r.get(0).startsWith("Rule (SRV");
                    continue;
                }
                if (r.size() < 8 || r.get(1).isBlank()) {
                    continue;
                }
                SrvApplicability a = new SrvApplicability(r.get(2));
                if (!r.get(3).isBlank()) {
                    a.setRoles(r.get(3));
                }
                a.setCritical(r.get(4));
                a.setNonDevice(r.get(5));
                a.setTargets(r.get(6));
                a.setSource(r.get(7));
                matrix.put(r.get(1), a);
            }
        }
    }

    /** Every SRV of the table. */
    List<String> srvs() {
        return new ArrayList<>(matrix.keySet());
    }

    /**
     * What the rule files would report for the fact: the same findings (rule id, message and source, word for
     * word), so that the benchmark compares the same work, not bare rule ids against built messages.
     */
    List<RuleFinding> check(ServiceRequestFact f) {
        List<RuleFinding> out = new ArrayList<>(2);
        String srv = f.getSrv();
        SrvApplicability a = matrix.get(srv);
        if (a == null) {
            out.add(new RuleFinding("SRV-UNKNOWN", "SRV " + srv + " is not in the DUIS matrix", "DUIS Service Request matrix (129 SRVs)"));
        } else {
            if (a.getRoles() == null) {
                out.add(new RuleFinding("SRV-ELIGIBILITY-UNDEFINED", "eligibility for SRV " + srv
                        + " is not defined in the source: the DUIS matrix leaves its User Roles blank", a.getSource()));
            } else if (!a.allowsRole(f.getRole())) {
                out.add(new RuleFinding("SRV-ROLE", "User Role " + f.getRole() + " may not send SRV " + srv
                        + "; eligible User Roles: " + String.join(" ", new TreeSet<>(a.getRoles())), a.getSource()));
            }
            if (f.getDeviceType() != null && !a.isNonDevice() && !a.targetsType(f.getDeviceType())) {
                out.add(new RuleFinding("SRV-TARGET", "SRV " + srv + " cannot target a device of type " + f.getDeviceType()
                        + "; target devices: " + String.join(" ", new TreeSet<>(a.getTargets())), a.getSource()));
            }
        }
        if (srv.equals("12.2") && f.isAltHanDevice() && (f.getAltHanVariant() == null || f.getAltHanVariant().isBlank())) {
            out.add(new RuleFinding("ALTHAN-12.2-VARIANT", "SRV 12.2 pre-notifies an Alt HAN P2P Device without its Alt HAN"
                    + " Device Variant (B1-B4); the DSP identifies a bridge only from this variant", PIA_SECMP0170 + " section 4.1.1"
                    + " (Device Management); " + MP170_REPORT + " section 3 ('PPMID Variant')"));
        }
        if ((srv.equals("8.7.2") || srv.equals("8.8.2")) && f.getAltHanVariant() != null) {
            out.add(new RuleFinding("ALTHAN-JOIN-UNJOIN", "SRV " + srv + " is not allowed for an Alt HAN P2P Device (variant "
                    + f.getAltHanVariant() + ")", PIA_SECMP0170 + " section 4.1.1 (Device Management: new DSP validation)"));
        }
        if (srv.equals("11.4")) {
            if (!"PPMID".equals(f.getDeviceType())) {
                out.add(new RuleFinding("ALTHAN-11.4-DEVICE-TYPE", "SRV 11.4 Update PPMID Firmware may target only PPMIDs and"
                        + " Alt HAN P2P Devices, not a device of type " + f.getDeviceType(), FIRMWARE_SECTION));
            }
            if (f.isTcsoReclassified()) {
                out.add(new RuleFinding("ALTHAN-11.4-TCSO", "the Alt HAN P2P Device was re-classified as an IHD by a Trust"
                        + " Centre Swap Out and cannot receive OTA firmware", MP170_REPORT + " section 7 (Trust Centre Swap Out)"));
            }
            if (f.isUpdateInProgress()) {
                out.add(new RuleFinding("ALTHAN-11.4-IN-PROGRESS", "a firmware update is already in progress for device "
                        + f.getDeviceId() + "; this request is blocked", FIRMWARE_SECTION));
            }
            if (!f.isFirmwareImageGiven() || !f.isImageKnown()) {
                out.add(new RuleFinding("ALTHAN-11.4-KNOWN-IMAGE", f.isFirmwareImageGiven()
                        ? "SRV 11.4 names a firmware image that is not known; only known firmware images may be sent"
                        : "SRV 11.4 names no firmware image; only known firmware images may be sent", PIA_SECMP0170 + " BR12"));
            }
            if (f.isImageKnown() && !f.isImageApplicable()) {
                out.add(new RuleFinding("ALTHAN-11.4-IMAGE-APPLICABLE", "the firmware image does not apply to the model and"
                        + " type of device " + f.getDeviceId(), "GBCS alert 0x8F89 Firmware Transfer Failure, reason hardware version mismatch (GBCS CCS08); platform validation"));
            }
        }
        if ((srv.equals("12.2") || srv.equals("8.7.2")) && f.isAddsType1Device() && f.getType1DevicesOnHub() >= 6) {
            out.add(new RuleFinding("ALTHAN-TYPE1-LIMIT", "Communications Hub " + f.getCommsHubId() + " already has "
                    + f.getType1DevicesOnHub() + " Type 1 devices; at most six Type 1 devices (PPMID, HCALCS, Alt HAN P2P"
                    + " Devices) per Communications Hub", PIA_SECMP0170 + " section 4.1.1"));
        }
        if (f.getDeviceId() != null && (!srv.equals("12.2") || f.getCommsHubId() != null) && !mayAct(f)) {
            out.add(refusal(f.getRole()));
        }
        return out;
    }

    /** rules/registered-supplier.drl's grant rules. */
    private boolean mayAct(ServiceRequestFact f) {
        String type = f.getDeviceType();
        boolean electricity = type == null || !("GSME".equals(type) || "GPF".equals(type));
        boolean gas = type == null || !"ESME".equals(type);
        String party = f.getUserParty();
        java.time.LocalDate day = f.getRequestDate();
        if (f.getRole() == null) {
            return true;
        }
        return switch (f.getRole()) {
            case "IS" -> electricity && party != null && f.getMpan() != null && party.equals(f.getImportSupplier());
            case "ES" -> electricity && party != null && f.getExportMpan() != null && party.equals(f.getExportSupplier());
            case "GS" -> gas && party != null && f.getMprn() != null && party.equals(f.getGasSupplier());
            case "ED" -> electricity && (registration.distributes(party, f.getMpan()) || registration.distributes(party, f.getExportMpan()));
            case "GT" -> gas && registration.transports(party, f.getMprn());
            case "RSA" -> electricity && registration.appointed(party, f.getImportSupplier(), Fuel.ELECTRICITY, f.getMpan(), day)
                    || electricity && registration.appointed(party, f.getExportSupplier(), Fuel.ELECTRICITY, f.getExportMpan(), day)
                    || gas && registration.appointed(party, f.getGasSupplier(), Fuel.GAS, f.getMprn(), day);
            case "OU" -> electricity && (registration.consented(party, f.getMpan(), day) || registration.consented(party, f.getExportMpan(), day))
                    || gas && registration.consented(party, f.getMprn(), day);
            default -> true;
        };
    }

    /** rules/registered-supplier.drl's access checks: one finding per role, whatever the device. */
    private static RuleFinding refusal(String role) {
        return switch (role) {
            case "ED" -> new RuleFinding("ACCESS-DISTRIBUTION-AREA", "the device is not known or not accessible to this User: an"
                    + " Electricity Distributor acts only on the devices of the MPANs of its distribution areas", "SEC Section A"
                    + " (Electricity Distributor); SEC Section E (Registration Data); MPAN distributor ids (rules/electricity-distributors.csv)");
            case "GT" -> new RuleFinding("ACCESS-GAS-NETWORK", "the device is not known or not accessible to this User: a Gas"
                    + " Transporter acts only on the devices of the MPRNs of its gas networks", "SEC Section A (Gas Transporter);"
                    + " SEC Section E (Registration Data); gas networks (rules/gas-networks.csv)");
            case "RSA" -> new RuleFinding("ACCESS-RSA-APPOINTMENT", "the device is not known or not accessible to this User: a"
                    + " Registered Supplier Agent acts only under an appointment by the Supplier registered for the device's meter"
                    + " point", "SEC Section A (Registered Supplier Agent); SEC Section E (Registration Data); appointments"
                    + " (rules/rsa-appointments.csv)");
            case "OU" -> new RuleFinding("ACCESS-OU-NO-CONSENT", "the device is not known or no consumer consent for its premises"
                    + " is recorded for this Other User", "SEC Section I1 (Data Privacy: the Energy Consumer's consent); SEC Section A"
                    + " (Other User); consents (rules/ou-consents.csv)");
            default -> new RuleFinding("ACCESS-REGISTERED-SUPPLIER", "the device is not known or not accessible to this User: a"
                    + " Supplier acts only on the devices of the meter points it is registered for, by fuel", "SEC Section A (Import"
                    + " Supplier, Export Supplier, Gas Supplier); SEC Section E (Registration Data); DUIS (SEC Appendix AD), User Role checks");
        };
    }
}
