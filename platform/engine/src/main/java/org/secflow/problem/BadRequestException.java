package org.secflow.problem;

/** The request cannot be read: malformed JSON, an unknown field, a wrong type or value (HTTP 400). */
public final class BadRequestException extends DomainProblem {

    public BadRequestException(String field, String rule, String message) {
        super(message, field, rule);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad request";
    }
}
