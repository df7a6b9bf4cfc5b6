package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import org.secflow.access.AccessPolicy;
import org.secflow.server.Platform;
import org.secflow.server.metrics.PlatformMetrics;

/**
 * The API described and measured:
 * <ul>
 *   <li>{@code GET /api/openapi.json} the OpenAPI 3.1 description ({@link ApiOperations}), built once from the routes
 *       the server registered; anyone, also without a token ({@link AccessPolicy#API_DOCS}: it holds no data)</li>
 *   <li>{@code GET /api/docs} Swagger UI over it, its scripts from the swagger-ui webjar at {@code /webjars/swagger-ui}
 *       (javalin-swagger-plugin; outside {@code /api}, like the web console's files)</li>
 *   <li>{@code GET /api/metrics} every meter in the Prometheus text format ({@link PlatformMetrics});
 *       {@link AccessPolicy#METRICS}: DCC operators and admins</li>
 * </ul>
 */
final class ApiDocsRoutes {
    private ApiDocsRoutes() {
    }

    /** Registers Swagger UI at {@code /api/docs} (before the app is built). */
    static void configure(JavalinConfig config) {
        config.registerPlugin(new SwaggerPlugin(swagger -> {
            swagger.setUiPath("/api/docs");
            swagger.setDocumentationPath("/api/openapi.json");
            swagger.setTitle("secflow API");
            swagger.setValidatorUrl(null); // no call to a validator elsewhere
            swagger.injectCustomVersion("secflow", "/api/openapi.json");
            swagger.setRoles(new io.javalin.security.RouteRole[] {RoutePolicy.of(AccessPolicy.API_DOCS)});
        }));
    }

    static void install(Javalin app, Platform platform) {
        String[] document = new String[1];
        app.get("/api/openapi.json", ctx -> {
            String json;
            synchronized (document) {
                if (document[0] == null) {
                    document[0] = Json.MAPPER.writeValueAsString(ApiOperations.describe(SystemRoutes.version(), RoutePolicy.routes(app)));
                }
                json = document[0];
            }
            ctx.contentType("application/json").result(json);
        }, RoutePolicy.of(AccessPolicy.API_DOCS));
        app.get("/api/metrics", ctx -> ctx.contentType(PlatformMetrics.contentType()).result(platform.metrics().scrape()),
                RoutePolicy.of(AccessPolicy.METRICS));
    }
}
