package org.secflow.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.UnauthenticatedException;
import org.secflow.server.config.OidcConfig;

/** The validator on its own, with a clock the test moves and a JWK Set server the test starts and stops. */
class OidcAccessTokensTest {
    private static final String ISSUER = "https://idp.example.test/realms/sec";

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String token(RSAKey key, Instant exp, Map<String, Object> extra) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).audience("secflow").subject("u1")
                .expirationTime(Date.from(exp)).claim("party", "SUPPLIER-A");
        extra.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), b.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenKeptAfterValidationIsRefusedOnceItExpiresAndTheKeysAreFetchedOnceForBoth() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/certs", x -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        idp.start();
        try {
            MovableClock clock = new MovableClock();
            var tokens = new OidcAccessTokens(new OidcConfig(ISSUER, "secflow",
                    "http://127.0.0.1:" + idp.getAddress().getPort() + "/certs", null, 0, null, null,
                    new OidcConfig.Claims(null, null, null, "resource_access.secflow.roles", "resource_access.secflow.roles", null)), clock);
            String token = token(key, clock.now.plusSeconds(60), Map.of("resource_access",
                    Map.of("secflow", Map.of("roles", List.of("Operator", "rsa", "manage-account"))), "groups", "/secas"));

            User first = tokens.authenticate(token);
            assertThat(first.userId()).isEqualTo("u1");
            assertThat(first.name()).as("no name claim: the User ID").isEqualTo("u1");
            assertThat(first.dccUserRoles()).containsExactly(DccUserRole.RSA);
            assertThat(first.platformRoles()).containsExactly(PlatformRole.OPERATOR);
            assertThat(first.groups()).containsExactly("secas");
            assertThat(tokens.authenticate(token)).isEqualTo(first);
            assertThat(fetches.get()).isEqualTo(1);

            clock.now = clock.now.plusSeconds(61);
            assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(UnauthenticatedException.class)
                    .hasMessage("the token has expired");
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void madeUpKeyIdsFetchTheKeysAtMostTwiceInTheWindowAndAreRefusedAs401() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/certs", x -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        idp.start();
        try {
            // the default window: 30 s
            var tokens = new OidcAccessTokens(new OidcConfig(ISSUER, "secflow",
                    "http://127.0.0.1:" + idp.getAddress().getPort() + "/certs", null, null, null, null, null), Clock.systemUTC());
            assertThat(tokens.authenticate(token(key, Instant.now().plusSeconds(60), Map.of())).userId()).isEqualTo("u1");
            for (int i = 0; i < 5; i++) {
                RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
                String t = token(madeUp, Instant.now().plusSeconds(60), Map.of());
                assertThatThrownBy(() -> tokens.authenticate(t)).isInstanceOf(UnauthenticatedException.class)
                        .hasMessage("the token's signing key is not one the identity provider publishes");
            }
            assertThat(fetches.get()).isEqualTo(2);
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void anUnreachableKeySetAnswers503NotAnInvalidToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var tokens = new OidcAccessTokens(new OidcConfig(ISSUER, "secflow", "http://127.0.0.1:" + port + "/certs",
                null, null, null, null, null), Clock.systemUTC());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        String token = token(key, Instant.now().plusSeconds(60), Map.of());
        assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(IdentityProviderUnavailableException.class)
                .hasMessage("the identity provider's signing keys could not be fetched; try again later")
                .satisfies(e -> assertThat(((IdentityProviderUnavailableException) e).status()).isEqualTo(503));
    }

    @Test
    void onlyThreeBase64urlPartsLookLikeAJwt() {
        assertThat(OidcAccessTokens.looksLikeJwt("eyJh.eyJi.c2ln")).isTrue();
        assertThat(OidcAccessTokens.looksLikeJwt("eyJh.eyJi.")).as("alg none: empty signature").isTrue();
        assertThat(OidcAccessTokens.looksLikeJwt("demo-supplier-a")).isFalse();
        assertThat(OidcAccessTokens.looksLikeJwt("secflow_0123456789abcdef_abc")).isFalse();
        assertThat(OidcAccessTokens.looksLikeJwt("a.b.c.d.e")).as("JWE has five parts").isFalse();
    }
}
