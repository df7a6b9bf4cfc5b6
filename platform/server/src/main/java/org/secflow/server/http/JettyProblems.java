package org.secflow.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route sees them (a {@code %00} or a malformed URI, a header too large) answer
 * {@code application/problem+json} like every other refusal, not Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problems.CONTENT_TYPE);
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(int status) {
        String title = status == 400 ? "Bad request" : status == 413 ? "Content too large" : status == 414 ? "URI too long"
                : status == 431 ? "Request header fields too large" : "Request refused";
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"the request is not well-formed HTTP (its URI or headers) and was refused before any route\"}";
    }
}
