package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.PlatformRole;
import org.secflow.access.AccessPolicy;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;

/**
 * {@code GET /api/rules}: the rules in service (version hash, loaded-at, files with rule counts and hashes) and
 * the last refused reload with its errors (any User; the rules folder for analysts, operators and admins);
 * {@code POST /api/rules/reload} (analysts and admins): rebuilds from the
 * rules directory and swaps, or answers 422 with file, line and message while the old rules keep serving.
 */
final class RuleRoutes {
    private RuleRoutes() {
    }

    static void install(Javalin app, RuleBase rules) {
        app.get("/api/rules", ctx -> ctx.json(describe(ctx, rules, rules.current())), RoutePolicy.of(AccessPolicy.RULES_READ));
        app.post("/api/rules/reload", ctx -> ctx.json(describe(ctx, rules, rules.reload())), RoutePolicy.of(AccessPolicy.RULES_CHANGE));
    }

    private static Map<String, Object> describe(Context ctx, RuleBase base, LoadedRules r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", r.version());
        body.put("loadedAt", r.loadedAt());
        body.put("ruleCount", r.ruleCount());
        if (Authentication.user(ctx).hasPlatformRole(PlatformRole.ANALYST, PlatformRole.OPERATOR)) {
            body.put("directory", base.directory().toString());
        }
        body.put("files", r.files());
        body.put("lastRefused", base.lastRefused().orElse(null));
        return body;
    }
}
