package org.secflow.server.http;

import java.util.Locale;
import org.secflow.problem.DomainProblem;

/**
 * Request bodies are UTF-8 JSON (RFC 8259 section 8.1): a {@code charset} parameter naming anything else is refused
 * with 415 before the body is decoded (an unknown charset would otherwise fail the decoding on the server).
 */
final class RequestCharset {
    private RequestCharset() {
    }

    /** @throws DomainProblem 415 when {@code contentType} carries a charset other than UTF-8 */
    static void requireUtf8(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String cs = p.substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    throw new UnsupportedCharset();
                }
            }
        }
    }

    private static final class UnsupportedCharset extends DomainProblem {
        UnsupportedCharset() {
            super("request bodies are JSON in UTF-8; the charset given is not accepted", "Content-Type",
                    "JSON text exchanged between systems is UTF-8 (RFC 8259 section 8.1)");
        }

        @Override
        public int status() {
            return 415;
        }

        @Override
        public String title() {
            return "Unsupported Media Type";
        }
    }
}
