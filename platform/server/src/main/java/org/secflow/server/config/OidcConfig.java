package org.secflow.server.config;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * OpenID Connect access tokens from an identity provider such as Keycloak: the {@code oidc} section of the
 * configuration. A bearer token shaped like a JWT (three dot-separated base64url parts) is validated against it;
 * anything else is looked up among the static tokens of {@code users}. See README "Identities".
 *
 * <p>Validation follows RFC 7519 (JWT) section 7.2 and RFC 9068 (JWT profile for OAuth 2.0 access tokens) section 4:
 * signature by a key of the provider's JWK Set (RFC 7517), {@code iss} equal to {@link #issuer}, {@code aud}
 * containing {@link #audience}, {@code exp} required and {@code nbf}/{@code iat} honoured, each with
 * {@link #clockSkewSeconds} of tolerance.
 *
 * @param issuer the {@code iss} claim, exactly (Keycloak: {@code https://<host>/realms/<realm>}); required
 * @param audience a value the {@code aud} claim must contain (Keycloak: the client id, added by an audience mapper);
 *        required
 * @param jwksUrl the provider's JWK Set (Keycloak: {@code <issuer>/protocol/openid-connect/certs}); http or https;
 *        required
 * @param algorithms accepted JWS algorithms; default RS256 and ES256; only asymmetric ones (RS, PS, ES) may be named
 * @param clockSkewSeconds tolerance on {@code exp}, {@code nbf} and {@code iat} in seconds; default 60, 0 to 300
 * @param jwksCacheSeconds how long the fetched JWK Set is used before it is fetched again, in seconds; default 300,
 *        at least 10; a token whose key id is not in the set fetches it at once (rotation)
 * @param jwksRefetchMinSeconds the window, in seconds, in which the keys are fetched at most twice (Nimbus's rate
 *        limit), so that tokens with made-up key ids cannot hammer the provider; default 30, 0 for no limit, below
 *        {@code jwksCacheSeconds}
 * @param claims which claims carry the User's identity
 * @param console the web console's sign-in through the provider, or null for sign-in by pasted token only
 */
public record OidcConfig(String issuer, String audience, String jwksUrl, List<String> algorithms, Integer clockSkewSeconds,
                         Integer jwksCacheSeconds, Integer jwksRefetchMinSeconds, Claims claims, ConsoleSignInConfig console) {
    /** Algorithms that may be named in {@code oidc.algorithms}: RSASSA-PKCS1-v1_5, RSASSA-PSS and ECDSA (RFC 7518 3.1). */
    public static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "ES256");
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final int DEFAULT_JWKS_CACHE_SECONDS = 300;
    public static final int DEFAULT_JWKS_REFETCH_MIN_SECONDS = 30;

    public OidcConfig {
        require("oidc.issuer", issuer, "the iss claim of the identity provider's tokens, e.g. https://keycloak.example.org/realms/sec");
        require("oidc.audience", audience, "the value the aud claim must contain, e.g. secflow");
        require("oidc.jwksUrl", jwksUrl, "the identity provider's JWK Set, e.g. https://keycloak.example.org/realms/sec/protocol/openid-connect/certs");
        httpUrl("oidc.jwksUrl", jwksUrl);
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
        for (String a : algorithms) {
            if (!ASYMMETRIC_ALGORITHMS.contains(a)) {
                throw new IllegalArgumentException("oidc.algorithms: " + a + " is not accepted; name some of "
                        + ASYMMETRIC_ALGORITHMS.stream().sorted().toList() + " (symmetric and 'none' are refused)");
            }
        }
        clockSkewSeconds = clockSkewSeconds == null ? DEFAULT_CLOCK_SKEW_SECONDS : clockSkewSeconds;
        if (clockSkewSeconds < 0 || clockSkewSeconds > 300) {
            throw new IllegalArgumentException("oidc.clockSkewSeconds must be 0 to 300: " + clockSkewSeconds);
        }
        jwksCacheSeconds = jwksCacheSeconds == null ? DEFAULT_JWKS_CACHE_SECONDS : jwksCacheSeconds;
        if (jwksCacheSeconds < 10) {
            throw new IllegalArgumentException("oidc.jwksCacheSeconds must be at least 10: " + jwksCacheSeconds);
        }
        jwksRefetchMinSeconds = jwksRefetchMinSeconds == null ? DEFAULT_JWKS_REFETCH_MIN_SECONDS : jwksRefetchMinSeconds;
        if (jwksRefetchMinSeconds < 0 || jwksRefetchMinSeconds >= jwksCacheSeconds) {
            throw new IllegalArgumentException("oidc.jwksRefetchMinSeconds must be 0 or more and below oidc.jwksCacheSeconds ("
                    + jwksCacheSeconds + "): " + jwksRefetchMinSeconds);
        }
        claims = claims == null ? new Claims(null, null, null, null, null, null) : claims;
    }

    /** The configuration without a {@code console} section (the console signs in by pasted token only). */
    public OidcConfig(String issuer, String audience, String jwksUrl, List<String> algorithms, Integer clockSkewSeconds,
                      Integer jwksCacheSeconds, Integer jwksRefetchMinSeconds, Claims claims) {
        this(issuer, audience, jwksUrl, algorithms, clockSkewSeconds, jwksCacheSeconds, jwksRefetchMinSeconds, claims, null);
    }

    private static void require(String key, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing: " + what);
        }
    }

    private static void httpUrl(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + value);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an http or https URL with a host: " + value);
        }
    }

    /**
     * Names of the claims that carry the User. A name is a top-level claim; when no claim has that exact name, a
     * dotted name is followed into nested objects ({@code realm_access.roles}, {@code resource_access.secflow.roles},
     * as Keycloak writes roles). Role and group claims may be a JSON array of strings or one string.
     *
     * @param userId the User ID (a DCC User ID for a DCC User); default {@code sub}; required in every token
     * @param name display name; default {@code name}; the User ID when absent
     * @param party the SEC Party the User acts for, e.g. {@code SUPPLIER-A}; default {@code party}; required in
     *        every token
     * @param dccUserRoles DCC User Roles (IS ES GS ED GT OU RSA); default {@code dcc_user_roles}
     * @param platformRoles secflow roles (ADMIN ANALYST DESIGNER OPERATOR FINANCE); default {@code secflow_roles}
     * @param groups process groups (bpmn/README.md); default {@code groups}; a leading {@code /} (Keycloak's full
     *        group path) is dropped
     */
    public record Claims(String userId, String name, String party, String dccUserRoles, String platformRoles, String groups) {
        public Claims {
            userId = orDefault(userId, "sub");
            name = orDefault(name, "name");
            party = orDefault(party, "party");
            dccUserRoles = orDefault(dccUserRoles, "dcc_user_roles");
            platformRoles = orDefault(platformRoles, "secflow_roles");
            groups = orDefault(groups, "groups");
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
