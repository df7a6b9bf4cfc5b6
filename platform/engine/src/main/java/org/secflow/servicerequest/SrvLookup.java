package org.secflow.servicerequest;

/**
 * Asks the SRV applicability table for the row of an SRV: inserted by the rule {@code "SRV applicability lookup"}
 * ({@code rules/srv-applicability.drl}) when a request names an SRV whose {@link SrvApplicability} is not yet standing
 * in the session; the table's row for that SRV matches it and inserts the row's {@link SrvApplicability}, which then
 * stays for every later request of the thread (a {@link org.secflow.rules.StandingFact}). Deleted with the request.
 */
public final class SrvLookup {
    private final String srv;

    public SrvLookup(String srv) {
        this.srv = srv;
    }

    public String getSrv() {
        return srv;
    }
}
