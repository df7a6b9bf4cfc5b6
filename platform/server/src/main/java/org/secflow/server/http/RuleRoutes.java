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
 * the last refused reload with its errors (any User; the rules folder for analysts, operators and admins); {@code POST /api/rules/reload} (analysts and admins): rebuilds from the
 * rules directory, runs every scenario table against the candidate and swaps, or answers 422 with file, line and
 * message (a failing case: its table and line) while the old rules keep serving; {@code POST /api/rules/rollback}
 * (analysts and admins): the version the last reload replaced serves again (409 when none is kept). {@code GET} also
 * shows the decision limits and the faults of the version in service per rule (decisions refused with 503 because a
 * rule threw or went over its limits).
 */
final class RuleRoutes {
    private RuleRoutes() {
    }

    static void install(Javalin app, RuleBase rules) {
        app.get("/api/rules", ctx -> ctx.json(describe(ctx, rules, rules.current())), RoutePolicy.of(AccessPolicy.RULES_READ));
        app.post("/api/rules/reload", ctx -> ctx.json(describe(ctx, rules, rules.reload())), RoutePolicy.of(AccessPolicy.RULES_CHANGE));
        app.post("/api/rules/rollback", ctx -> ctx.json(describe(ctx, rules, rules.rollback())), RoutePolicy.of(AccessPolicy.RULES_CHANGE));
    }

    private static Map<String, Object> describe(Context ctx, RuleBase base, LoadedRules r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", r.version());
        body.put("loadedAt", r.loadedAt());
        body.put("ruleCount", r.ruleCount());
        if (Authentication.user(ctx).hasPlatformRole(PlatformRole.ANALYST, PlatformRole.OPERATOR)) {
            body.put("directory", String.valueOf(base.directory().getFileName())); // its name: no server path to a client
        }
        body.put("files", r.files());
        body.put("lastRefused", base.lastRefused().orElse(null));
        body.put("limits", r.limits());
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("total", r.faults().total());
        faults.put("byRule", r.faults().counts());
        faults.put("last", r.faults().last());
        body.put("faults", faults);
        body.put("previousVersions", base.previousVersions());
        return body;
    }
}
