package org.secflow.problem;

/** The thing named in the request does not exist (HTTP 404). */
public final class NotFoundException extends DomainProblem {

    public NotFoundException(String field, String message) {
        super(message, field, null);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
