package org.secflow.tsat;

/** What the TSAT (SEC Schedule 11) says of a Communications Hub's CHTS and GBCS version on a day. */
public enum TsatStatus {
    /** Installation: inside its Installation Validity Period and its GBCS Applicability Period. */
    INSTALLABLE,
    /** Installation refused: outside its IVP, or its GBCS version is past its Applicability Period. */
    NOT_INSTALLABLE,
    /** Installed hub: inside its Maintenance Validity Period and its GBCS Applicability Period. */
    WITHIN_MVP,
    /** Installed hub past its GBCS Applicability Period end: its firmware must move to a later GBCS version. */
    PAST_GBCS_APPLICABILITY,
    /** Installed hub past its Maintenance Validity Period end: it must be upgraded or replaced. */
    PAST_MVP,
    /** No TSAT row for the CHTS and GBCS version pair. */
    UNKNOWN_VERSION;

    /** Severity when several rules answer (the highest is reported). */
    int severity() {
        return switch (this) {
            case INSTALLABLE, WITHIN_MVP -> 0;
            case PAST_GBCS_APPLICABILITY -> 1;
            case NOT_INSTALLABLE, PAST_MVP -> 2;
            case UNKNOWN_VERSION -> 3;
        };
    }
}
