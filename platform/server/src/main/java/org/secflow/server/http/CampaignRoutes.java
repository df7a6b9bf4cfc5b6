package org.secflow.server.http;

import io.javalin.Javalin;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.secflow.access.AccessPolicy;
import org.secflow.campaign.CampaignDefinition;
import org.secflow.campaign.DeviceState;
import org.secflow.campaign.FirmwareCampaignService;
import org.secflow.campaign.FirmwareReports;
import org.secflow.problem.BadRequestException;

/**
 * Firmware campaigns (MP170 Modification Report): {@code POST /api/campaigns} (a Supplier User; body {@link CampaignDefinition}),
 * {@code GET /api/campaigns}, {@code GET /api/campaigns/{id}} (counts per state, per wave, per variant and region,
 * the current gate, open tasks), {@code POST /api/campaigns/{id}/approve|pause|resume|cancel},
 * {@code GET /api/campaigns/{id}/devices?state=&page=&size=} (paged), {@code GET /api/campaigns/{id}/althanco-notification}
 * (BR3), each seen only by the creating Supplier's Users, DCC operators and admins (another Party's campaign answers
 * exactly like a missing one; the list leaves it out), {@code GET /api/reports/firmware-versions} (BR4, the AltHANCo report; {@code ?format=csv} for CSV) and
 * {@code GET /api/reports/firmware-performance?month=yyyy-MM} (SEC H13 delivery and activation success).
 */
final class CampaignRoutes {
    private CampaignRoutes() {
    }

    static void install(Javalin app, FirmwareCampaignService campaigns, FirmwareReports reports) {
        RoutePolicy campaign = RoutePolicy.of(AccessPolicy.CAMPAIGN);
        app.post("/api/campaigns", ctx -> {
            CampaignDefinition def = Json.read(ctx.body(), CampaignDefinition.class);
            ctx.status(201).json(campaigns.create(Authentication.user(ctx), def));
        }, RoutePolicy.of(AccessPolicy.CAMPAIGN_CREATE));
        app.get("/api/campaigns", ctx -> ctx.json(campaigns.list(Authentication.user(ctx))), campaign);
        app.get("/api/campaigns/{id}", ctx -> ctx.json(campaigns.view(Authentication.user(ctx), ctx.pathParam("id"))), campaign);
        app.post("/api/campaigns/{id}/approve", ctx -> ctx.json(campaigns.approve(Authentication.user(ctx), ctx.pathParam("id"))), campaign);
        app.post("/api/campaigns/{id}/pause", ctx -> ctx.json(campaigns.pause(Authentication.user(ctx), ctx.pathParam("id"))), campaign);
        app.post("/api/campaigns/{id}/resume", ctx -> ctx.json(campaigns.resume(Authentication.user(ctx), ctx.pathParam("id"))), campaign);
        app.post("/api/campaigns/{id}/cancel", ctx -> ctx.json(campaigns.cancel(Authentication.user(ctx), ctx.pathParam("id"))), campaign);
        app.get("/api/campaigns/{id}/devices", ctx -> {
            campaigns.requireVisible(Authentication.user(ctx), ctx.pathParam("id"));
            DeviceState state = QueryParams.enumParam(ctx, "state", DeviceState.class);
            int page = Math.max(0, QueryParams.intParam(ctx, "page", 0));
            int size = Math.min(1000, Math.max(1, QueryParams.intParam(ctx, "size", 100)));
            ctx.json(campaigns.devices(Authentication.user(ctx), ctx.pathParam("id"), state, page, size));
        }, campaign);
        app.get("/api/campaigns/{id}/althanco-notification", ctx -> {
            campaigns.requireVisible(Authentication.user(ctx), ctx.pathParam("id"));
            ctx.json(reports.altHanCoNotification(ctx.pathParam("id")));
        }, campaign);
        app.get("/api/reports/firmware-versions", ctx -> {
            List<Map<String, Object>> rows = reports.deployedVersions();
            String accept = ctx.header("Accept");
            if ("csv".equals(ctx.queryParam("format")) || (accept != null && accept.contains("text/csv"))) {
                ctx.contentType("text/csv").result(csv(rows));
            } else {
                ctx.json(rows);
            }
        }, RoutePolicy.of(AccessPolicy.FIRMWARE_REPORTS));
        app.get("/api/reports/firmware-performance", ctx -> {
            String m = ctx.queryParam("month");
            YearMonth month;
            try {
                month = m == null ? YearMonth.now(java.time.ZoneOffset.UTC) : YearMonth.parse(m);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("month", "a month is written yyyy-MM", "'" + m + "' is not a month");
            }
            ctx.json(reports.performance(month));
        }, RoutePolicy.of(AccessPolicy.FIRMWARE_REPORTS));
    }

    private static String csv(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder("alt_han_device_variant,manufacturer,model,firmware_version,devices\n");
        for (Map<String, Object> r : rows) {
            b.append(r.values().stream().map(v -> v == null ? "" : quote(v.toString())).collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
