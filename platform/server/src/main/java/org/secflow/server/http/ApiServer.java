package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.secflow.problem.BadRequestException;
import org.secflow.server.Platform;

/**
 * The REST API in front of a {@link Platform}: every {@code /api/*} request is authenticated; JSON in and out;
 * errors as problem+json. The web console's static files are served at {@code /} without authentication (they
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
            Authentication.authenticate(ctx, platform::userForToken);
            String type = ctx.contentType();
            boolean hasBody = ctx.method().name().equals("POST") || ctx.method().name().equals("PATCH") || ctx.method().name().equals("PUT");
            if (hasBody && type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
                    && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/merge-patch+json")) {
                throw new BadRequestException("Content-Type", "request bodies are application/json", "unsupported Content-Type " + type);
            }
        });
        SystemRoutes.install(app, platform);
        DeviceRoutes.install(app, platform.inventory());
        FirmwareImageRoutes.install(app, platform.firmwareImages());
        RuleRoutes.install(app, platform.rules());
        ServiceRequestRoutes.install(app, platform.serviceRequests());
        MaintenanceRoutes.install(app, platform.maintenance());
        CreditCoverRoutes.install(app, platform.creditCover());
        ProcessRoutes.install(app, platform.processes());
        ModificationRoutes.install(app, platform.modifications());
        TaskRoutes.install(app, platform.modifications());
        CampaignRoutes.install(app, platform.campaigns(), new org.secflow.campaign.FirmwareReports(platform.database().jdbi()));
        ConsoleSupportRoutes.install(app, platform);
        return app;
    }
}
