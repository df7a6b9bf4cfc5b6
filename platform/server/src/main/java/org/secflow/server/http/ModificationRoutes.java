package org.secflow.server.http;

import io.javalin.Javalin;
import org.secflow.access.AccessPolicy;
import org.secflow.modification.ModificationEvent;
import org.secflow.modification.ModificationService;
import org.secflow.modification.ModificationStage;
import org.secflow.modification.NewModification;

/**
 * SEC modifications (Events API; the lifecycle is bpmn/modification-lifecycle.bpmn):
 * <ul>
 *   <li>{@code POST /api/modifications} {@code {reference, title, proposer, raisedOn, scope?}} → 201 with the
 *       modification (stage DRAFT_PROPOSAL, history DRAFT_PROPOSAL_RAISED); 409 when the reference is known.
 *       {@code scope} ({@link org.secflow.modification.ReleaseScope#fromJson}) is what the change needs from its
 *       release: {@code {"duisUplift": true}}, {@code {"dccSystemChanges": true}}, {@code {"dccSystemChanges": false}}
 *       (document only) or {@code {"adHocWorkingDays": N}}; absent: DCC System changes; 422 for an ad-hoc scope with a
 *       flag or below 1 Working Day, 400 for an unknown field</li>
 *   <li>{@code POST /api/modifications/{reference}/events} {@code {type, date, endDate?, body?, outcome?, path?,
 *       release?, source?}} → 200 with the modification after the event; 409 problem+json with {@code stage} and
 *       {@code allowedEvents} when the process does not allow the event now or the date is earlier than the last
 *       event (nothing changes); 422 for a field the type needs; 400 for unreadable JSON or unknown fields</li>
 *   <li>{@code GET /api/modifications/{reference}} (DP or MP reference): scope, stage, path, status, open tasks,
 *       allowed events, target SEC Release and its go-live day, appeal window end, full history with dates</li>
 *   <li>{@code GET /api/modifications?stage=} every modification, optionally in one stage</li>
 *   <li>{@code GET /api/modifications/{reference}/target-release?decisionDate=} {@code {reference, decisionDate, scope,
 *       targetRelease, implementationDate}}: the SEC Release an approval on that date would target for the
 *       modification's scope (release rules; nothing stored); the last two null when no release fits</li>
 * </ul>
 * Any authenticated User reads the register and raises a Draft Proposal (SEC Section D); user tasks are restricted
 * to their candidate groups ({@link TaskRoutes}).
 */
final class ModificationRoutes {
    private ModificationRoutes() {
    }

    static void install(Javalin app, ModificationService service) {
        RoutePolicy read = RoutePolicy.of(AccessPolicy.MODIFICATION_READ);
        app.post("/api/modifications", ctx -> ctx.status(201).json(
                service.create(Json.read(ctx.body(), NewModification.class), Authentication.user(ctx).userId())),
                RoutePolicy.of(AccessPolicy.MODIFICATION_RAISE));
        app.post("/api/modifications/{reference}/events", ctx -> ctx.json(service.postEvent(ctx.pathParam("reference"),
                Json.read(ctx.body(), ModificationEvent.class), Authentication.user(ctx).userId())),
                RoutePolicy.of(AccessPolicy.MODIFICATION_EVENT));
        app.get("/api/modifications/{reference}", ctx -> ctx.json(service.view(ctx.pathParam("reference"))), read);
        app.get("/api/modifications", ctx -> ctx.json(service.list(QueryParams.enumParam(ctx, "stage", ModificationStage.class))), read);
        app.get("/api/modifications/{reference}/target-release", ctx -> {
            java.time.LocalDate decided = decisionDate(QueryParams.stringParam(ctx, "decisionDate"));
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("reference", ctx.pathParam("reference"));
            body.put("decisionDate", decided);
            java.util.Optional<org.secflow.modification.TargetRelease> target =
                    service.targetIfDecidedOn(ctx.pathParam("reference"), decided);
            body.put("scope", service.view(ctx.pathParam("reference")).scope());
            body.put("targetRelease", target.map(org.secflow.modification.TargetRelease::release).orElse(null));
            body.put("implementationDate", target.map(org.secflow.modification.TargetRelease::implementationDate).orElse(null));
            ctx.json(body);
        }, read);
    }

    private static java.time.LocalDate decisionDate(String v) {
        if (v == null) {
            throw new org.secflow.problem.BadRequestException("decisionDate", "decisionDate is an ISO date", "decisionDate is missing");
        }
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.secflow.problem.BadRequestException("decisionDate", "decisionDate is an ISO date", "'" + v + "' is not an ISO date");
        }
    }
}
