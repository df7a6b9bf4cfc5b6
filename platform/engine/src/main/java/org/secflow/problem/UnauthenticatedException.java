package org.secflow.problem;

/** No bearer token, an unknown one, or a refused access token (HTTP 401); the message says which. */
public final class UnauthenticatedException extends RequestProblem {

    public UnauthenticatedException(String message) {
        super(401, "Unauthenticated", "Authorization", "every request carries Authorization: Bearer <token>: a static token of a configured User or an access token of the configured identity provider", message);
    }
}
