package org.secflow.server.http;

import io.javalin.Javalin;
import org.secflow.access.AccessPolicy;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.NotFoundException;
import org.secflow.servicerequest.ServiceRequestService;
import org.secflow.servicerequest.ServiceRequestSubmission;

/**
 * Service Requests:
 * <ul>
 *   <li>{@code POST /api/service-requests} {@code {srv, deviceId | deviceIds, userRole?, payload?}} → 202 with the
 *       request id and state, or 422 problem+json with {@code violations: [{ruleId, message, source}]}</li>
 *   <li>{@code GET /api/service-requests/{id}} state and history (the sender or an admin)</li>
 *   <li>{@code GET /api/service-requests?userId=&srv=&outcome=&limit=} the decision audit (an admin: anyone's;
 *       others: their own)</li>
 * </ul>
 */
final class ServiceRequestRoutes {
    private ServiceRequestRoutes() {
    }

    static void install(Javalin app, ServiceRequestService service) {
        app.post("/api/service-requests", ctx -> {
            var view = service.submit(Authentication.user(ctx), Json.read(ctx.body(), ServiceRequestSubmission.class));
            ctx.status(202).header("Location", "/api/service-requests/" + view.requestId()).json(view);
        }, RoutePolicy.of(AccessPolicy.SERVICE_REQUEST_SUBMIT));
        app.get("/api/service-requests/{id}", ctx -> {
            User user = Authentication.user(ctx);
            String id = ctx.pathParam("id");
            var view = service.find(id)
                    .filter(v -> v.userId().equals(user.userId()) || user.hasPlatformRole(PlatformRole.ADMIN))
                    .orElseThrow(() -> new NotFoundException("id", "no such Service Request for this User"));
            ctx.json(view);
        }, RoutePolicy.of(AccessPolicy.SERVICE_REQUEST_READ));
        app.get("/api/service-requests", ctx -> {
            User user = Authentication.user(ctx);
            String userId = QueryParams.stringParam(ctx, "userId");
            if (!user.hasPlatformRole(PlatformRole.ADMIN)) {
                userId = user.userId();
            }
            String outcome = QueryParams.stringParam(ctx, "outcome");
            if (outcome != null && !outcome.equals("ACCEPTED") && !outcome.equals("REJECTED")) {
                throw new org.secflow.problem.BadRequestException("outcome", "ACCEPTED or REJECTED", "'" + outcome + "' is no outcome");
            }
            int limit = Math.min(1000, Math.max(1, QueryParams.intParam(ctx, "limit", 100)));
            ctx.json(service.decisions(userId, QueryParams.stringParam(ctx, "srv"), outcome, limit));
        }, RoutePolicy.of(AccessPolicy.SERVICE_REQUEST_READ));
    }
}
