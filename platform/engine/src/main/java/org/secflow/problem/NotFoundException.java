package org.secflow.problem;

/** The thing named in the request does not exist (HTTP 404). */
public final class NotFoundException extends RequestProblem {

    public NotFoundException(String field, String message) {
        super(404, "Not found", field, null, message);
    }
}
