package org.secflow.problem;

/** The request clashes with what is stored, e.g. a Device ID already pre-notified (HTTP 409). */
public final class ConflictException extends RequestProblem {

    public ConflictException(String field, String rule, String message) {
        super(409, "Conflict", field, rule, message);
    }
}
