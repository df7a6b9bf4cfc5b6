package org.secflow.server.identity;

import org.secflow.problem.DomainProblem;

/**
 * The identity provider's JWK Set could not be fetched, so a token signed with a key not yet known here cannot be
 * checked (HTTP 503: the token may be good; the client tries again later).
 */
public final class IdentityProviderUnavailableException extends DomainProblem {

    public IdentityProviderUnavailableException() {
        super("the identity provider's signing keys could not be fetched; try again later", "Authorization",
                "access tokens are checked against the identity provider's published keys (oidc.jwksUrl)");
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Identity provider unavailable";
    }
}
