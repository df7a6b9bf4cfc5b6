package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.PlatformRole;
import org.secflow.problem.ForbiddenException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;

/**
 * {@code GET /api/rules}: the rules in service (version hash, loaded-at, files with rule counts and hashes) and
 * the last refused reload with its errors; {@code POST /api/rules/reload} (analyst or admin): rebuilds from the
 * rules directory, runs every scenario table against the candidate and swaps, or answers 422 with file, line and
 * message (a failing case: its table and line) while the old rules keep serving; {@code POST /api/rules/rollback}
 * (analyst or admin): the version the last reload replaced serves again (409 when none is kept). {@code GET} also
 * shows the decision limits and the faults of the version in service per rule (decisions refused with 503 because a
 * rule threw or went over its limits).
 */
final class RuleRoutes {
    private RuleRoutes() {
    }

    static void install(Javalin app, RuleBase rules) {
        app.get("/api/rules", ctx -> ctx.json(describe(rules, rules.current())));
        app.post("/api/rules/reload", ctx -> {
            requireAnalyst(ctx);
            ctx.json(describe(rules, rules.reload()));
        });
        app.post("/api/rules/rollback", ctx -> {
            requireAnalyst(ctx);
            ctx.json(describe(rules, rules.rollback()));
        });
    }

    private static void requireAnalyst(Context ctx) {
        if (!Authentication.user(ctx).hasPlatformRole(PlatformRole.ANALYST)) {
            throw new ForbiddenException("reloading rules needs the analyst or admin role",
                    "user " + Authentication.user(ctx).userId() + " may not reload rules");
        }
    }

    private static Map<String, Object> describe(RuleBase base, LoadedRules r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", r.version());
        body.put("loadedAt", r.loadedAt());
        body.put("ruleCount", r.ruleCount());
        body.put("directory", String.valueOf(base.directory().getFileName())); // its name: no server path to a client
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
