package org.secflow.problem;

/** The request cannot be read: malformed JSON, an unknown field, a wrong type or value (HTTP 400). */
public final class BadRequestException extends RequestProblem {

    public BadRequestException(String field, String rule, String message) {
        super(400, "Bad request", field, rule, message);
    }
}
