package org.secflow.problem;

/** The request clashes with what is stored, e.g. a Device ID already pre-notified (HTTP 409). */
public final class ConflictException extends DomainProblem {

    public ConflictException(String field, String rule, String message) {
        super(message, field, rule);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
