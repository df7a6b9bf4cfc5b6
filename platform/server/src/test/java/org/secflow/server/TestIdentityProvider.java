package org.secflow.server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.secflow.server.http.Json;

/**
 * A hand-written OpenID Connect provider for tests, shaped like a Keycloak realm ({@code /realms/sec}): discovery,
 * an authorization endpoint whose login page is a plain form (pick a User, press "Sign in"), a token endpoint for the
 * authorization code grant with PKCE (S256 only, RFC 7636 section 4.6), a JWK Set, and an end-session endpoint. Tokens
 * are RS256 JWTs signed with Nimbus JOSE+JWT: the access token for the API's audience with the User's claims, the ID
 * Token for the console's client id with the request's nonce. One public client is registered with its redirect URI
 * and web origin (CORS), as in Keycloak; anything else is refused as Keycloak would (400 or an OAuth error).
 */
final class TestIdentityProvider implements AutoCloseable {
    static final String REALM = "/realms/sec";
    private static final String OIDC = REALM + "/protocol/openid-connect";

    /** A User the login page offers: the claims of its access token. */
    record Account(String username, String sub, String name, String party, List<String> dccUserRoles) {
    }

    private record Grant(Account account, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final String audience;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile String clientId;
    private volatile String redirectUri;
    private volatile String webOrigin;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<String> endSessions = new CopyOnWriteArrayList<>();

    TestIdentityProvider(String audience, List<Account> accounts) throws Exception {
        this.audience = audience;
        accounts.forEach(a -> this.accounts.put(a.username(), a));
        this.key = new RSAKeyGenerator(2048).keyID("sec-rs256").generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(REALM + "/.well-known/openid-configuration", this::discovery);
        server.createContext(OIDC + "/auth", this::authorize);
        server.createContext(OIDC + "/token", this::token);
        server.createContext(OIDC + "/certs", x -> send(x, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true)));
        server.createContext(OIDC + "/logout", this::logout);
        server.start();
    }

    /** {@code http://localhost:<port>/realms/sec}. */
    String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + REALM;
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + OIDC + "/certs";
    }

    /** Registers the one public client: its id, its exact redirect URI and the web origin allowed to call the token endpoint. */
    void registerPublicClient(String id, String redirect, String origin) {
        this.clientId = id;
        this.redirectUri = redirect;
        this.webOrigin = origin;
    }

    private void discovery(HttpExchange x) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", issuer() + "/protocol/openid-connect/auth");
        d.put("token_endpoint", issuer() + "/protocol/openid-connect/token");
        d.put("jwks_uri", issuer() + "/protocol/openid-connect/certs");
        d.put("end_session_endpoint", issuer() + "/protocol/openid-connect/logout");
        d.put("response_types_supported", List.of("code"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("subject_types_supported", List.of("public"));
        d.put("authorization_response_iss_parameter_supported", true);
        cors(x, "*");
        send(x, 200, "application/json", Json.MAPPER.writeValueAsString(d));
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestMethod().equals("POST")
                ? new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : x.getRequestURI().getRawQuery());
        if (clientId == null || !clientId.equals(q.get("client_id")) || !redirectUri.equals(q.get("redirect_uri"))) {
            send(x, 400, "text/html", "<p>Invalid parameter: redirect_uri or client_id</p>");
            return;
        }
        if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null || !q.getOrDefault("scope", "").contains("openid")) {
            redirect(x, redirectUri + "?error=invalid_request&state=" + enc(q.getOrDefault("state", "")));
            return;
        }
        if (x.getRequestMethod().equals("GET")) {
            StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Sign in to sec</title></head><body>"
                    + "<h1>Sign in to sec</h1><form id=\"kc-form-login\" method=\"post\" action=\"" + OIDC + "/auth\">"
                    + "<label for=\"username\">Username</label> <select id=\"username\" name=\"username\">");
            accounts.keySet().forEach(u -> page.append("<option>").append(u).append("</option>"));
            page.append("</select>");
            for (String k : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge",
                    "code_challenge_method")) {
                page.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(attr(q.get(k))).append("\">");
            }
            page.append(" <button type=\"submit\" id=\"kc-login\">Sign in</button></form></body></html>");
            send(x, 200, "text/html; charset=utf-8", page.toString());
            return;
        }
        Account account = accounts.get(q.get("username"));
        if (account == null) {
            send(x, 400, "text/html", "<p>Invalid username</p>");
            return;
        }
        String code = randomString();
        codes.put(code, new Grant(account, q.get("client_id"), q.get("redirect_uri"), q.get("nonce"), q.get("code_challenge")));
        redirect(x, q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.getOrDefault("state", ""))
                + "&iss=" + enc(issuer()));
    }

    private void token(HttpExchange x) throws IOException {
        String origin = x.getRequestHeaders().getFirst("Origin");
        boolean allowed = origin == null || origin.equals(webOrigin);
        if (allowed && origin != null) {
            cors(x, origin);
        }
        if (x.getRequestMethod().equals("OPTIONS")) {
            String asked = x.getRequestHeaders().getFirst("Access-Control-Request-Headers");
            if (allowed && asked != null) {
                x.getResponseHeaders().add("Access-Control-Allow-Headers", asked);
            }
            x.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            x.sendResponseHeaders(204, -1);
            x.close();
            return;
        }
        tokenRequests.incrementAndGet();
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant g = f.get("code") == null ? null : codes.remove(f.get("code")); // a code is used once
        if (!"authorization_code".equals(f.get("grant_type")) || g == null || !g.clientId().equals(f.get("client_id"))
                || !g.redirectUri().equals(f.get("redirect_uri")) || f.get("code_verifier") == null
                || !g.challenge().equals(s256(f.get("code_verifier")))) {
            send(x, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}");
            return;
        }
        try {
            Instant now = Instant.now();
            Account a = g.account();
            JWTClaimsSet access = new JWTClaimsSet.Builder().issuer(issuer()).audience(audience).subject(a.sub())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("azp", g.clientId())
                    .claim("name", a.name()).claim("party", a.party()).claim("dcc_user_roles", a.dccUserRoles()).build();
            JWTClaimsSet id = new JWTClaimsSet.Builder().issuer(issuer()).audience(g.clientId()).subject(a.sub())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", g.nonce())
                    .claim("name", a.name()).build();
            Map<String, Object> body = new HashMap<>();
            body.put("access_token", sign(access, new JOSEObjectType("at+jwt")));
            body.put("id_token", sign(id, JOSEObjectType.JWT));
            body.put("token_type", "Bearer");
            body.put("expires_in", 300);
            body.put("scope", "openid profile");
            x.getResponseHeaders().add("Cache-Control", "no-store");
            send(x, 200, "application/json", Json.MAPPER.writeValueAsString(body));
        } catch (Exception e) {
            send(x, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    private void logout(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        endSessions.add(q.getOrDefault("id_token_hint", ""));
        if (redirectUri != null && redirectUri.equals(q.get("post_logout_redirect_uri"))) {
            redirect(x, redirectUri);
        } else {
            send(x, 200, "text/html", "<p>You are signed out.</p>");
        }
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String randomString() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64URL.encode(b).toString();
    }

    private static String s256(String verifier) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int i = pair.indexOf('=');
                String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
                m.putIfAbsent(k, i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String attr(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void cors(HttpExchange x, String origin) {
        x.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
        x.getResponseHeaders().add("Vary", "Origin");
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
