package org.secflow.problem;

/** The authenticated User may not do this (HTTP 403). */
public final class ForbiddenException extends DomainProblem {

    public ForbiddenException(String rule, String message) {
        super(message, null, rule);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
