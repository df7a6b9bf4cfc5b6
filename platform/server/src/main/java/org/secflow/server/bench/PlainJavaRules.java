package org.secflow.server.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.secflow.servicerequest.ServiceRequestFact;
import org.secflow.servicerequest.SrvApplicability;

/**
 * The benchmark's baseline: the checks of {@code rules/*.drl} and the SRV applicability table written as plain
 * Java over the same table data (read from {@code srv-applicability.drl.csv}). Not used to decide anything: it
 * exists to measure what the rule engine costs, and the benchmark checks that both give the same rule ids.
 */
final class PlainJavaRules {
    private final Map<String, SrvApplicability> matrix = new HashMap<>();

    PlainJavaRules(Path rulesDir) throws IOException {
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

    /** Rule ids the fact breaks, as the rule files would report them. */
    List<String> check(ServiceRequestFact f) {
        List<String> out = new ArrayList<>(2);
        String srv = f.getSrv();
        SrvApplicability a = matrix.get(srv);
        if (a == null) {
            out.add("SRV-UNKNOWN");
        } else {
            if (a.getRoles() == null) {
                out.add("SRV-ELIGIBILITY-UNDEFINED");
            } else if (!a.allowsRole(f.getRole())) {
                out.add("SRV-ROLE");
            }
            if (f.getDeviceType() != null && !a.isNonDevice() && !a.targetsType(f.getDeviceType())) {
                out.add("SRV-TARGET");
            }
        }
        if (srv.equals("12.2") && f.isAltHanDevice() && (f.getAltHanVariant() == null || f.getAltHanVariant().isBlank())) {
            out.add("ALTHAN-12.2-VARIANT");
        }
        if ((srv.equals("8.7.2") || srv.equals("8.8.2")) && f.getAltHanVariant() != null) {
            out.add("ALTHAN-JOIN-UNJOIN");
        }
        if (srv.equals("11.4")) {
            if (!"PPMID".equals(f.getDeviceType())) {
                out.add("ALTHAN-11.4-DEVICE-TYPE");
            }
            if (f.isTcsoReclassified()) {
                out.add("ALTHAN-11.4-TCSO");
            }
            if (f.isUpdateInProgress()) {
                out.add("ALTHAN-11.4-IN-PROGRESS");
            }
            if (!f.isFirmwareImageGiven() || !f.isImageKnown()) {
                out.add("ALTHAN-11.4-KNOWN-IMAGE");
            }
            if (f.isImageKnown() && !f.isImageApplicable()) {
                out.add("ALTHAN-11.4-IMAGE-APPLICABLE");
            }
        }
        if ((srv.equals("12.2") || srv.equals("8.7.2")) && f.isAddsType1Device() && f.getType1DevicesOnHub() >= 6) {
            out.add("ALTHAN-TYPE1-LIMIT");
        }
        if (f.getDeviceId() != null) {
            boolean applies = (!srv.equals("12.2") && f.isDeviceKnown()) || (srv.equals("12.2") && f.getCommsHubId() != null);
            boolean refused = ("IS".equals(f.getRole()) && !(f.isHasMpan() && f.getUserParty() != null && f.getUserParty().equals(f.getImportSupplier())))
                    || ("GS".equals(f.getRole()) && !(f.isHasMprn() && f.getUserParty() != null && f.getUserParty().equals(f.getGasSupplier())));
            if (applies && refused) {
                out.add("ACCESS-REGISTERED-SUPPLIER");
            }
            if (!srv.equals("12.2") && !f.isDeviceKnown()) {
                out.add("ACCESS-UNKNOWN-DEVICE");
            }
        }
        return out;
    }
}
