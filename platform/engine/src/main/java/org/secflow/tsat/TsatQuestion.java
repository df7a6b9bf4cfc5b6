package org.secflow.tsat;

import java.time.LocalDate;

/**
 * Rule fact: is a Communications Hub of this CHTS and GBCS version valid on {@code date} for installation (IVP) or
 * maintenance (MVP)? Built by {@link TsatCheck}; rules/tsat.drl answers through {@link TsatAnswer}.
 */
public final class TsatQuestion {
    private final String chtsVersion;
    private final String gbcsVersion;
    private final LocalDate date;
    private final boolean installation;

    /**
     * @param installation true: the hub is being installed (or pre-notified) on {@code date}; false: an installed hub's
     *                     standing on {@code date}
     */
    public TsatQuestion(String chtsVersion, String gbcsVersion, LocalDate date, boolean installation) {
        this.chtsVersion = chtsVersion;
        this.gbcsVersion = gbcsVersion;
        this.date = date;
        this.installation = installation;
    }

    public String getChtsVersion() {
        return chtsVersion;
    }

    public String getGbcsVersion() {
        return gbcsVersion;
    }

    public LocalDate getDate() {
        return date;
    }

    public boolean isInstallation() {
        return installation;
    }
}
