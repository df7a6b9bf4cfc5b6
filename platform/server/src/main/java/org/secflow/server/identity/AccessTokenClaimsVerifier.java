package org.secflow.server.identity;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claim checks of an access token (RFC 9068 section 4, RFC 7519 section 4.1), run by Nimbus after the signature
 * is good, each refusal with a short reason a client can act on: {@code exp} present and not passed, {@code nbf} and
 * {@code iat} not in the future, {@code iss} the configured issuer, {@code aud} containing the configured audience,
 * and not a Keycloak ID token ({@code typ} claim {@code ID}). Times allow {@code skew} either way.
 */
final class AccessTokenClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    /** A refused claim; the message is the reason given to the client. */
    static final class ClaimRefusedException extends BadJWTException {
        ClaimRefusedException(String reason) {
            super(reason);
        }
    }

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    AccessTokenClaimsVerifier(String issuer, String audience, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Instant now = clock.instant();
        Date exp;
        Date nbf;
        Date iat;
        try {
            exp = claims.getExpirationTime();
            nbf = claims.getNotBeforeTime();
            iat = claims.getIssueTime();
        } catch (RuntimeException e) {
            throw new ClaimRefusedException("the token's time claims (exp, nbf, iat) are not numbers");
        }
        if (exp == null) {
            throw new ClaimRefusedException("the token has no expiry time (exp)");
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw new ClaimRefusedException("the token has expired");
        }
        if (nbf != null && now.isBefore(nbf.toInstant().minus(skew))) {
            throw new ClaimRefusedException("the token is not valid yet (nbf)");
        }
        if (iat != null && now.isBefore(iat.toInstant().minus(skew))) {
            throw new ClaimRefusedException("the token is issued in the future (iat)");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new ClaimRefusedException("the token is not issued by the configured identity provider (iss)");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw new ClaimRefusedException("the token is not meant for this service (aud)");
        }
        if ("ID".equals(claims.getClaim("typ"))) {
            throw new ClaimRefusedException("an ID token is not an access token");
        }
    }
}
