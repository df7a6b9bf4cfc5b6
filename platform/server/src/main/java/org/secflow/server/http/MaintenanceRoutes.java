package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.secflow.access.AccessPolicy;
import org.secflow.maintenance.MaintenanceService;
import org.secflow.maintenance.ProposedSchedule;
import org.secflow.maintenance.ScheduleParser;
import org.secflow.problem.BadRequestException;

/**
 * Planned Maintenance (SEC H8 as changed by MP092; rules/maintenance.drl):
 * <ul>
 *   <li>{@code POST /api/maintenance/schedules/validate} {@code {month, publishedOn, windows: [{id, start, end,
 *       impact?, disrupts, consumerAffecting, description, kind?, complexity?}]}} → 200 with every window's
 *       classification and risk score, {@code violations}, {@code warnings} and {@code ruleSetVersion}, also when
 *       there are violations (a check, writes nothing)</li>
 *   <li>{@code POST /api/maintenance/schedules} (operator or admin) → 201 with the stored schedule when it breaks
 *       no rule (it replaces the month's previous one), else 422 problem+json with {@code violations}</li>
 *   <li>{@code GET /api/maintenance/windows?from=&to=} stored windows open between {@code from} (included) and
 *       {@code to} (excluded): ISO dates or UK local date-times, both optional</li>
 * </ul>
 * Unreadable input (malformed date-time, end not after start, overlapping windows, unknown impact or disrupted
 * service) → 400 problem+json naming the field.
 */
final class MaintenanceRoutes {
    private MaintenanceRoutes() {
    }

    static void install(Javalin app, MaintenanceService service) {
        app.post("/api/maintenance/schedules/validate",
                ctx -> ctx.json(service.validate(Json.read(ctx.body(), ProposedSchedule.class))), RoutePolicy.of(AccessPolicy.MAINTENANCE_READ));
        app.post("/api/maintenance/schedules", ctx -> {
            var stored = service.publish(Authentication.user(ctx).userId(), Json.read(ctx.body(), ProposedSchedule.class));
            ctx.status(201).json(stored);
        }, RoutePolicy.of(AccessPolicy.MAINTENANCE_PUBLISH));
        app.get("/api/maintenance/windows", ctx -> ctx.json(service.windows(bound(ctx, "from"), bound(ctx, "to"))),
                RoutePolicy.of(AccessPolicy.MAINTENANCE_READ));
    }

    private static LocalDateTime bound(Context ctx, String name) {
        String v = QueryParams.stringParam(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            try {
                return ScheduleParser.localTime(v, name);
            } catch (BadRequestException e) {
                throw new BadRequestException(name, "an ISO date (2027-03-01) or UK local date-time (2027-03-06T22:00)",
                        "'" + v + "' is not a date or date-time");
            }
        }
    }
}
