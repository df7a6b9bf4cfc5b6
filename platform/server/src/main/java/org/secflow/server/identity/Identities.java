package org.secflow.server.identity;

import java.time.Clock;
import org.secflow.access.User;
import org.secflow.problem.UnauthenticatedException;
import org.secflow.server.config.SecflowConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a bearer credential becomes a {@link User}: a token shaped like a JWT goes to the OpenID Connect validator when
 * {@code oidc} is configured ({@link OidcAccessTokens}); any other token, and every token when {@code oidc} is not
 * configured, is looked up among the static tokens of {@code users} ({@link StaticTokens}). See README "Identities".
 */
public final class Identities {
    private static final Logger LOG = LoggerFactory.getLogger(Identities.class);
    private final StaticTokens staticTokens;
    private final OidcAccessTokens oidc;

    private Identities(StaticTokens staticTokens, OidcAccessTokens oidc) {
        this.staticTokens = staticTokens;
        this.oidc = oidc;
    }

    /**
     * Reads {@code users} and {@code oidc} of the configuration; nothing is fetched yet (the identity provider's keys
     * are fetched on the first token).
     *
     * @throws IllegalArgumentException naming the entry and the rule when a static token entry is malformed
     */
    public static Identities from(SecflowConfig config, Clock clock) {
        StaticTokens tokens = new StaticTokens(config.users());
        OidcAccessTokens oidc = config.oidc() == null ? null : new OidcAccessTokens(config.oidc(), clock);
        if (tokens.plainCount() > 0) {
            LOG.info("{} static token(s) kept in plain text (token:), meant for demos and tests; 'secflow users token' makes hashed ones",
                    tokens.plainCount());
        }
        if (oidc != null) {
            LOG.info("OpenID Connect access tokens of issuer {} for audience {}, keys from {}", config.oidc().issuer(),
                    config.oidc().audience(), config.oidc().jwksUrl());
        }
        return new Identities(tokens, oidc);
    }

    /**
     * The User a bearer token stands for, or null when it is an unknown static token.
     *
     * @throws UnauthenticatedException when an OpenID Connect access token is refused, with the reason
     * @throws IdentityProviderUnavailableException when the identity provider's keys cannot be fetched
     */
    public User userForToken(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (oidc != null && OidcAccessTokens.looksLikeJwt(token)) {
            return oidc.authenticate(token);
        }
        return staticTokens.find(token);
    }
}
