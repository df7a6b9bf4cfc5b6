package org.secflow.problem;

/** No or an unknown bearer token (HTTP 401). */
public final class UnauthenticatedException extends DomainProblem {

    public UnauthenticatedException(String message) {
        super(message, "Authorization", "every request carries Authorization: Bearer <token> of a configured User");
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Unauthenticated";
    }
}
