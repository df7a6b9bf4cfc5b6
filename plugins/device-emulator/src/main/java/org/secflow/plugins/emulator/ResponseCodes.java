package org.secflow.plugins.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response codes of the emulated devices' failures, table {@value #RESOURCE}: one row per failure reason (the
 * upper-case key a failure's {@code reason} starts with, e.g. {@code SUPPLY_STATE: the supply of ... is Enabled}),
 * its {@code responseCode} and what it means. A success is {@code I0} (DUIS "Success"). The codes take the form of
 * DUIS response codes (I for information, E for error, a number) but are the emulator's own (ILLUSTRATIVE): the DUIS
 * list of response codes is not among our sources (docs/sources.md), so each reason has a code of its own in a
 * range, E100-E199, kept for the emulator. A failure the DSP or a CSP reports (no device answered) keeps the plain
 * {@code E} the DSP gives it.
 */
final class ResponseCodes {
    static final String RESOURCE = "response-codes.csv";
    /** The code of a reason not in the table (never expected: a test holds every reason to the table). */
    static final String UNLISTED = "E199";

    /** One row: the code and its meaning. */
    record Code(String reason, String responseCode, String meaning) {
    }

    private final Map<String, Code> byReason;

    private ResponseCodes(Map<String, Code> byReason) {
        this.byReason = byReason;
    }

    /** The table shipped with the emulator. */
    static ResponseCodes standard() {
        try (InputStream in = ResponseCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the device emulator");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Code> rows = new LinkedHashMap<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                String meaning = cells[2].startsWith("\"") ? cells[2].substring(1, cells[2].length() - 1) : cells[2];
                rows.put(cells[0], new Code(cells[0], cells[1], meaning));
            }
            return new ResponseCodes(java.util.Collections.unmodifiableMap(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row, in table order. */
    Map<String, Code> all() {
        return byReason;
    }

    /** The reason key a failure reason starts with: the text before its first colon. */
    static String reasonKey(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** The response code of a failure {@code reason}; {@value #UNLISTED} for a reason not in the table. */
    String codeOf(String reason) {
        Code c = byReason.get(reasonKey(reason));
        return c == null ? UNLISTED : c.responseCode();
    }
}
