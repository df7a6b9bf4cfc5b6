package org.secflow.server.http;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.AccessPolicy;
import org.secflow.server.config.ConsoleSignInConfig;
import org.secflow.server.config.OidcConfig;

/**
 * {@code GET /api/console/config} (anyone, also without a token): how the web console signs in, read before anyone is
 * signed in. {@code {"oidc": null}} when the console signs in by pasted bearer token only; otherwise {@code {"oidc":
 * {issuer, clientId, providerName, scopes: [..], authorizationEndpoint, tokenEndpoint, endSessionEndpoint}}} (the three
 * endpoints null when the console reads them from the issuer's {@code /.well-known/openid-configuration}, OpenID
 * Connect Discovery 1.0 section 4). Nothing here is secret: the console is a public client (authorization code flow
 * with PKCE, RFC 7636), and all of it is visible in the browser anyway.
 */
final class ConsoleSignInRoute {
    private ConsoleSignInRoute() {
    }

    static void install(Javalin app, OidcConfig oidc) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("oidc", oidc == null || oidc.console() == null ? null : settings(oidc.issuer(), oidc.console()));
        app.get("/api/console/config", ctx -> {
            ctx.header("Cache-Control", "no-cache");
            ctx.json(body);
        }, RoutePolicy.of(AccessPolicy.CONSOLE_CONFIG));
    }

    private static Map<String, Object> settings(String issuer, ConsoleSignInConfig console) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("issuer", issuer);
        s.put("clientId", console.clientId());
        s.put("providerName", console.providerName());
        s.put("scopes", console.scopes());
        s.put("authorizationEndpoint", console.authorizationEndpoint());
        s.put("tokenEndpoint", console.tokenEndpoint());
        s.put("endSessionEndpoint", console.endSessionEndpoint());
        return s;
    }
}
