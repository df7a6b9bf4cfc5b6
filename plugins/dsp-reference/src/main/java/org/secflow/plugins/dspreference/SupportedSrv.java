package org.secflow.plugins.dspreference;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Service Request Variants the reference DSP carries, with the GBCS use case each becomes (GBCS PPMID firmware flow;
 * DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1: SRV 11.4 for PPMID and Alt HAN bridge firmware, SRV 11.2 with GBCS CS08).
 */
enum SupportedSrv {
    /** SRV 11.4 Update PPMID Firmware: GBCS CS05c, carries a firmware image; one in progress per device. */
    UPDATE_PPMID_FIRMWARE("11.4", "Update PPMID Firmware", "CS05c"),
    /** SRV 11.2 Read Firmware Version: GBCS CS08 (Read PPMID Firmware Version). */
    READ_FIRMWARE_VERSION("11.2", "Read Firmware Version", "CS08");

    private final String srv;
    private final String title;
    private final String gbcsUseCase;

    SupportedSrv(String srv, String title, String gbcsUseCase) {
        this.srv = srv;
        this.title = title;
        this.gbcsUseCase = gbcsUseCase;
    }

    /** The supported SRV with number {@code srv}, e.g. {@code 11.4}, or empty. */
    static Optional<SupportedSrv> of(String srv) {
        return Arrays.stream(values()).filter(s -> s.srv.equals(srv)).findFirst();
    }

    /** The supported SRVs for a message, e.g. {@code 11.4 Update PPMID Firmware, 11.2 Read Firmware Version}. */
    static String summary() {
        return Arrays.stream(values()).map(SupportedSrv::toString).collect(Collectors.joining(", "));
    }

    /** The GBCS use case of the command sent to the Communications Hub. */
    String gbcsUseCase() {
        return gbcsUseCase;
    }

    /** Whether this SRV updates firmware, and so needs an image and is tracked per device. */
    boolean updatesFirmware() {
        return this == UPDATE_PPMID_FIRMWARE;
    }

    /** E.g. {@code 11.4 Update PPMID Firmware}. */
    @Override
    public String toString() {
        return srv + " " + title;
    }
}
