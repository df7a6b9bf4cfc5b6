package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.secflow.access.AccessPolicy;
import org.secflow.access.User;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.BadRequestException;
import org.secflow.server.Platform;
import org.secflow.server.metrics.HttpMetrics;

/**
 * The REST API in front of a {@link Platform}: every {@code /api} route declares an {@link AccessPolicy} (checked in
 * {@link #authorize}, the one place access is decided; the app refuses to build when a route declares none); JSON in
 * and out; errors as problem+json. The web console's static files are served at {@code /} without authentication (they
 * hold no data; every page calls {@code /api/*} with the User's bearer token).
 */
public final class ApiServer {
    private ApiServer() {
    }

    /** Builds the Javalin app (not started). */
    public static Javalin create(Platform platform) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.defaultContentType = "application/json";
            config.http.prefer405over404 = true; // a known path with another method is 405, not 404
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            // every API request timed by route template and status (Javalin measures; a map look-up records)
            var http = platform.metrics().http();
            config.requestLogger.http((ctx, ms) -> {
                if (ctx.path().startsWith("/api")) {
                    http.record(ctx.method().name(), routeOf(ctx), ctx.statusCode(), ms);
                }
            });
            ApiDocsRoutes.configure(config);
            // the web console (module platform/console): static files from console/ on the classpath at /, outside
            // /api/*, so they need no token; its pages route by URL fragment (/#/campaigns/...), so / is the only
            // page address and no fallback can shadow an API path
            if (ApiServer.class.getResource("/console/index.html") != null) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/console";
                    files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                });
            }
        });
        Problems.install(app);
        app.before("/api/*", ctx -> {
            String type = ctx.contentType();
            boolean hasBody = ctx.method().name().equals("POST") || ctx.method().name().equals("PATCH") || ctx.method().name().equals("PUT");
            if (hasBody && type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
                    && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/merge-patch+json")) {
                throw new BadRequestException("Content-Type", "request bodies are application/json", "unsupported Content-Type " + type);
            }
            if (hasBody && type != null) {
                RequestCharset.requireUtf8(type);
            }
        });
        app.beforeMatched(ctx -> {
            if (!ctx.path().startsWith("/api")) {
                return;
            }
            authorize(ctx, platform);
        });
        SystemRoutes.install(app, platform);
        DeviceRoutes.install(app, platform.inventory(), () -> platform.rules() == null
                ? org.secflow.access.NetworkAreas.NONE : org.secflow.registration.RegistrationRuleData.of(platform.rules().current()));
        FirmwareImageRoutes.install(app, platform.firmwareImages());
        RuleRoutes.install(app, platform.rules());
        ServiceRequestRoutes.install(app, platform.serviceRequests());
        MaintenanceRoutes.install(app, platform.maintenance());
        CreditCoverRoutes.install(app, platform.creditCover());
        ProcessRoutes.install(app, platform.processes());
        ModificationRoutes.install(app, platform.modifications());
        TaskRoutes.install(app, platform.modifications());
        CampaignRoutes.install(app, platform.campaigns(), new org.secflow.campaign.FirmwareReports(platform.database().jdbi()));
        ReportRoutes.install(app, new org.secflow.tsat.TsatReports(platform.database().jdbi(), platform.rules()));
        ConsoleSupportRoutes.install(app, platform);
        ApiDocsRoutes.install(app, platform);
        requireDeclaredPolicies(app);
        return app;
    }

    /**
     * The route template a request is counted under: the matched route's, {@link HttpMetrics#UNMATCHED} when none
     * matched, {@link HttpMetrics#BEFORE_ROUTE} when it was refused before its route ran (Content-Type, charset).
     */
    private static String routeOf(Context ctx) {
        if (RoutePolicy.declaredBy(ctx.routeRoles()) == null) {
            return HttpMetrics.UNMATCHED;
        }
        if (ctx.handlerType() == io.javalin.http.HandlerType.BEFORE) {
            return HttpMetrics.BEFORE_ROUTE; // Javalin keeps the template from before-handlers
        }
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            return HttpMetrics.UNMATCHED; // metrics never turn an answer into an error
        }
    }

    /**
     * Refuses an app in which an {@code /api} route declares no {@link AccessPolicy}.
     *
     * @throws IllegalStateException naming every such route
     */
    public static void requireDeclaredPolicies(Javalin app) {
        List<String> undeclared = RoutePolicy.undeclared(app);
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("every API route declares an access policy; these declare none: " + undeclared);
        }
    }

    /**
     * The one access check: the route's declared {@link AccessPolicy} against the bearer token's User. A route with no
     * policy is refused (fail closed); so is a User the policy does not admit (403: the refusal depends only on who
     * calls, never on which thing is named).
     */
    static void authorize(Context ctx, Platform platform) {
        AccessPolicy policy = RoutePolicy.declaredBy(ctx.routeRoles());
        if (policy == null) {
            throw new ForbiddenException("every API route declares an access policy", "this route is closed");
        }
        if (policy.anonymous() && ctx.header("Authorization") == null) {
            return;
        }
        Authentication.authenticate(ctx, platform::userForToken);
        User user = Authentication.user(ctx);
        if (!policy.admits(user)) {
            throw new ForbiddenException("allowed for " + policy.who(), "user " + user.userId() + " may not call "
                    + ctx.method() + " " + ctx.endpointHandlerPath());
        }
    }
}
