package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.server.config.OidcConfig;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;

/**
 * OpenID Connect access tokens over real HTTP: the test is its own identity provider. It generates RSA and EC keys,
 * serves their JWK Set from a real HTTP server on a random loopback port, signs its own tokens, and sends them to a
 * real secflow server configured with that issuer, audience and JWK Set URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcAccessTokenApiTest {
    private static final String ISSUER = "https://idp.example.test/realms/sec";
    private static final String AUDIENCE = "secflow";
    private static final String SUPPLIER_A = "90-B3-D5-1F-30-01-00-0A";

    @TempDir
    static Path dir;

    private RSAKey rsa;
    private ECKey ec;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private HttpServer identityProvider;
    private TestServer server;
    private final List<HttpResponse<String>> refusals = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        identityProvider.createContext("/realms/sec/protocol/openid-connect/certs", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        identityProvider.start();
        String jwksUrl = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/realms/sec/protocol/openid-connect/certs";
        // refetch limit 0: the unknown-key test and the rotation test each fetch the keys again within seconds
        var oidc = new OidcConfig(ISSUER, AUDIENCE, jwksUrl, null, 30, 300, 0,
                new OidcConfig.Claims("dcc_user_id", null, "party", "realm_access.roles", "realm_access.roles", "groups"));
        server = TestServer.start(dir, Path.of(System.getProperty("secflow.rules", "../../rules")),
                List.of(new SecflowConfig.UserEntry("demo-supplier-b", "90-B3-D5-1F-30-01-00-0B", "Supplier B", "SUPPLIER-B",
                        List.of(DccUserRole.IS, DccUserRole.GS), List.of())), oidc);
    }

    @AfterAll
    void stop() {
        // no refusal names a Java type, a library or a server path
        for (HttpResponse<String> r : refusals) {
            assertThat(r.body()).doesNotContain("nimbus").doesNotContain("Exception").doesNotContain("java.")
                    .doesNotContain("org.secflow").doesNotContain("JOSE");
        }
        if (server != null) {
            server.close();
        }
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject("f3c1a7e2-5b1d-4c8e-9f3a-2d6b8e0c4a11")
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("dcc_user_id", SUPPLIER_A)
                .claim("name", "Supplier A operations")
                .claim("party", "SUPPLIER-A")
                // Keycloak puts its own roles beside ours: they are ignored
                .claim("realm_access", Map.of("roles", List.of("IS", "gs", "offline_access", "default-roles-sec")))
                .claim("groups", List.of("/panel"));
    }

    private static String rs256(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String rs256(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder b = claims();
        change.accept(b);
        return rs256(rsa, rsa.getKeyID(), b.build());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return server.send("GET", path, token, null);
    }

    private HttpResponse<String> refused(String token, String reason) throws Exception {
        HttpResponse<String> r = get("/api/service-requests", token);
        refusals.add(r);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"secflow\"");
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("detail").asText()).isEqualTo(reason);
        return r;
    }

    @Test
    void aValidRs256TokenActsAsItsUserWithTheUserIdPartyAndRolesOfItsClaims() throws Exception {
        String token = rs256(b -> { });

        HttpResponse<String> audit = get("/api/service-requests", token);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);

        // the DCC User Role from the claim reaches the Service Request path: IS may read a device (8.2) and is told it
        // does not know this one, where a User with no DCC User Role would be refused on its role
        var sr = server.send("POST", "/api/service-requests", token, "{\"srv\": \"8.2\", \"deviceId\": \"00-00-00-00-00-00-00-01\"}");
        assertThat(sr.statusCode()).as(sr.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(sr.body()).path("violations").findValuesAsText("ruleId")).doesNotContain("SRV-ROLE");

        // and the decision is audited under the User ID of the dcc_user_id claim (not the subject) and its Party
        JsonNode decisions = Json.MAPPER.readTree(get("/api/service-requests", token).body());
        assertThat(decisions.findValuesAsText("user_id")).as(decisions.toString()).isNotEmpty().containsOnly(SUPPLIER_A);
        assertThat(decisions.findValuesAsText("party")).containsOnly("SUPPLIER-A");
        assertThat(decisions.findValuesAsText("user_role")).isNotEmpty().doesNotContainNull();
    }

    @Test
    void aPlatformRoleInTheClaimsOpensTheRouteThatNeedsItAndItsAbsenceDoesNot() throws Exception {
        String designer = rs256(b -> b.claim("dcc_user_id", "secas-designer").claim("party", "SECAS")
                .claim("realm_access", Map.of("roles", List.of("designer"))));
        var deploy = server.send("POST", "/api/processes/reload", designer, null);
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(200);

        var supplier = server.send("POST", "/api/processes/reload", rs256(b -> { }), null);
        assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(403);
    }

    @Test
    void anEs256TokenPasses() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims().build());
        jwt.sign(new ECDSASigner(ec));
        var r = get("/api/service-requests", jwt.serialize());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aStaticTokenStillWorksBesideTheIdentityProvider() throws Exception {
        assertThat(get("/api/service-requests", "demo-supplier-b").statusCode()).isEqualTo(200);
        refused("demo-nobody", "the bearer token is unknown");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant now = Instant.now();
        refused(rs256(b -> b.issueTime(Date.from(now.minusSeconds(600))).notBeforeTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(120)))), "the token has expired");
    }

    @Test
    void aTokenNotValidYetIsRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        refused(rs256(b -> b.notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300)))),
                "the token is not valid yet (nbf)");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        refused(rs256(b -> b.expirationTime(null)), "the token has no expiry time (exp)");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        refused(rs256(b -> b.issuer("https://idp.example.test/realms/other")),
                "the token is not issued by the configured identity provider (iss)");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        refused(rs256(b -> b.audience("account")), "the token is not meant for this service (aud)");
    }

    @Test
    void aKeycloakIdTokenIsRefused() throws Exception {
        refused(rs256(b -> b.claim("typ", "ID")), "an ID token is not an access token");
    }

    @Test
    void aTokenWithoutAPartyIsRefused() throws Exception {
        refused(rs256(b -> b.claim("party", null)), "the token has no Party (claim party)");
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        // signed by another key under the published key id
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        refused(rs256(impostor, "rsa-1", claims().build()), "the token's signature is invalid");

        // a good token whose claims were changed after signing
        String[] parts = rs256(b -> { }).split("\\.");
        String forged = Base64URL.encode(claims().claim("party", "SUPPLIER-B").build().toString()).toString();
        refused(parts[0] + "." + forged + "." + parts[2], "the token's signature is invalid");
    }

    @Test
    void anUnknownKeyIdIsRefusedAfterTheKeysAreFetchedAgainAndARotatedInKeyThenPasses() throws Exception {
        assertThat(get("/api/service-requests", rs256(b -> { })).statusCode()).isEqualTo(200); // keys fetched and cached
        int before = jwksFetches.get();

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        String token = rs256(rotated, "rsa-2", claims().build());
        refused(token, "the token's signing key is not one the identity provider publishes");
        assertThat(jwksFetches.get()).as("an unknown key id fetches the JWK Set again").isGreaterThan(before);

        published.add(rotated.toPublicJWK()); // the provider rotates the new key in
        var r = get("/api/service-requests", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(get("/api/service-requests", rs256(b -> { })).statusCode()).as("the old key still works").isEqualTo(200);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String payload = Base64URL.encode(claims().build().toString()).toString();
        refused(header + "." + payload + ".", "the token is not signed (alg none is refused)");
    }

    @Test
    void aTokenSignedWithASymmetricAlgorithmIsRefused() throws Exception {
        // the classic confusion: HMAC keyed with the provider's public key
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
        jwt.sign(new MACSigner(rsa.toPublicJWK().toRSAPublicKey().getEncoded()));
        refused(jwt.serialize(), "the token's signing algorithm HS256 is not accepted (accepted: RS256, ES256)");
    }

    @Test
    void aTokenThatIsNotAJwtAtAllIsRefused() throws Exception {
        refused("eyJub3QiOiJqc29uIg.eyJhIjoxfQ.c2ln", "the bearer token is not a well-formed JWT");
    }
}
