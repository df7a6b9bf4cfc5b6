package org.secflow.problem;

/** The authenticated User may not do this (HTTP 403). */
public final class ForbiddenException extends RequestProblem {

    public ForbiddenException(String rule, String message) {
        super(403, "Forbidden", null, rule, message);
    }
}
