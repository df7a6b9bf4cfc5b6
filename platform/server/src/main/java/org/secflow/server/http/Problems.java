package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.problem.DomainProblem;
import org.secflow.rules.RuleLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error as {@code application/problem+json} (RFC 9457): {@code type, title, status, detail,
 * instance}, plus {@code field} and {@code rule} when known. No stack trace ever reaches a client.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    static final String CONTENT_TYPE = "application/problem+json";
    private static final String WRITTEN = "secflow.problem";

    private Problems() {
    }

    static void install(Javalin app) {
        app.exception(RuleLoadException.class, (e, ctx) -> write(ctx, 422, "Rules refused",
                e instanceof org.secflow.rules.RuleCasesFailedException
                        ? "the rules build but scenario cases fail against them (errors: table file, line, case); the previous version keeps serving"
                        : "the rules were refused; the previous version keeps serving", null, null, Map.of("errors", e.errors())));
        app.exception(DomainProblem.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"secflow\"");
            }
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            write(ctx, e.status(), e.title(), e.getMessage(), e.field(), e.rule(), e.extensions());
        });
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                e.getStatus() == 413 ? "Content too large" : "Request refused",
                e.getStatus() == 413 ? "the request body is larger than the server accepts" : "the request was refused", null, null));
        app.exception(Exception.class, (e, ctx) -> {
            if (org.secflow.store.SqlStates.isValueTooLarge(e)) {
                write(ctx, 422, "Invalid field", "a value is longer or larger than the platform stores", null, null);
                return;
            }
            if (org.secflow.store.SqlStates.isUniqueViolation(e)) {
                write(ctx, 409, "Conflict", "the request clashes with what another request stored at the same moment", null, null);
                return;
            }
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal error", "the request failed on the server; it is logged", null, null);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, 404, "Not found", "no resource " + ctx.path(), null, null);
            }
        });
        app.error(405, ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), null, null);
            }
        });
    }

    /** Longest detail (characters) a problem carries: input echoed inside it is cut there. */
    static final int MAX_DETAIL = 300;

    /** {@code text} cut to {@code max} characters, marked with an ellipsis when cut; null stays null. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…";
    }

    static void write(Context ctx, int status, String title, String detail, String field, String rule) {
        write(ctx, status, title, detail, field, rule, Map.of());
    }

    static void write(Context ctx, int status, String title, String detail, String field, String rule, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", truncate(detail, MAX_DETAIL));
        body.put("instance", truncate(ctx.path(), MAX_DETAIL));
        if (field != null) {
            body.put("field", truncate(field, 100));
        }
        if (rule != null) {
            body.put("rule", rule);
        }
        body.putAll(extra);
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).contentType(CONTENT_TYPE).json(body);
        ctx.contentType(CONTENT_TYPE);
    }
}
