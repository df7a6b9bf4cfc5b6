package org.secflow.tsat;

import java.time.LocalDate;

/** Rule fact: one {@link TsatRow} as rules/tsat.drl matches it. Inserted by {@link TsatCheck}; no other rule set reads it. */
public final class TsatRowFact {
    private final TsatRow row;

    public TsatRowFact(TsatRow row) {
        this.row = row;
    }

    public String getChtsVersion() {
        return row.chtsVersion();
    }

    public String getGbcsVersion() {
        return row.gbcsVersion();
    }

    public LocalDate getInstallationStart() {
        return row.installationStart();
    }

    /** IVP end, or null (not determined). */
    public LocalDate getInstallationEnd() {
        return row.installationEnd();
    }

    public LocalDate getMaintenanceStart() {
        return row.maintenanceStart();
    }

    /** MVP end, or null (not determined). */
    public LocalDate getMaintenanceEnd() {
        return row.maintenanceEnd();
    }

    public LocalDate getApplicabilityStart() {
        return row.applicabilityStart();
    }

    /** GBCS Applicability Period end, or null (not determined). */
    public LocalDate getApplicabilityEnd() {
        return row.applicabilityEnd();
    }

    public String getSource() {
        return row.source();
    }
}
