package org.secflow.server.config;

import java.net.URI;
import java.util.List;

/**
 * The web console's sign-in through the identity provider: the {@code oidc.console} section of the configuration.
 * The console is a public client (no secret, it runs in the browser) of the provider and uses the OAuth 2.0
 * authorization code flow with PKCE (RFC 6749 section 4.1, RFC 7636 with {@code S256}, OpenID Connect Core 1.0
 * section 3.1); the access token it receives is then sent to the API as any client's bearer token and validated as
 * {@link OidcConfig} says. Everything here is public: it is served without a token ({@code GET /api/console/config}).
 *
 * @param clientId the console's client id at the provider (Keycloak: a client with "Client authentication" off and
 *        "Standard flow" on); required
 * @param providerName the name on the sign-in button, "Sign in with {providerName}"; default "identity provider"
 * @param scopes the scopes asked for; default {@code [openid, profile]}; must contain {@code openid}
 * @param authorizationEndpoint the provider's authorization endpoint; with {@code tokenEndpoint} given as well, the
 *        console uses these two (and {@code endSessionEndpoint}) instead of reading the issuer's
 *        {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 section 4); http or https
 * @param tokenEndpoint the provider's token endpoint; http or https
 * @param endSessionEndpoint where sign-out sends the browser (OpenID Connect RP-Initiated Logout 1.0), or null
 */
public record ConsoleSignInConfig(String clientId, String providerName, List<String> scopes, String authorizationEndpoint,
                                  String tokenEndpoint, String endSessionEndpoint) {
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile");

    public ConsoleSignInConfig {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("oidc.console.clientId is missing: the console's client id at the identity "
                    + "provider (a public client with the standard flow), e.g. secflow-console");
        }
        providerName = providerName == null || providerName.isBlank() ? "identity provider" : providerName.strip();
        if (providerName.length() > 60) {
            throw new IllegalArgumentException("oidc.console.providerName is at most 60 characters: " + providerName);
        }
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("oidc.console.scopes must contain openid: " + scopes);
        }
        for (String s : scopes) {
            if (!s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                throw new IllegalArgumentException("oidc.console.scopes: '" + s + "' is not a scope (RFC 6749 section 3.3)");
            }
        }
        if ((authorizationEndpoint == null) != (tokenEndpoint == null)) {
            throw new IllegalArgumentException("oidc.console.authorizationEndpoint and oidc.console.tokenEndpoint are given "
                    + "together, or neither (then they are read from the issuer's discovery document)");
        }
        httpUrl("oidc.console.authorizationEndpoint", authorizationEndpoint);
        httpUrl("oidc.console.tokenEndpoint", tokenEndpoint);
        httpUrl("oidc.console.endSessionEndpoint", endSessionEndpoint);
    }

    private static void httpUrl(String key, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException(key + " must be an http or https URL with a host: " + value);
    }
}
