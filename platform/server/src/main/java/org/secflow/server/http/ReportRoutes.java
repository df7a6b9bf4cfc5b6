package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.AccessPolicy;
import org.secflow.problem.BadRequestException;
import org.secflow.tsat.TsatReports;
import org.secflow.tsat.TsatStatus;

/**
 * {@code GET /api/reports/tsat?asOf=&status=&limit=} (SEC Schedule 11 TSAT): the Communications Hubs by their standing
 * on {@code asOf} (ISO date, default today in the UK): {@code {asOf, table, hubsByStatus, versions: [{chtsVersion,
 * gbcsVersion, hubCount, status, ruleId, message, source}], hubs: [{deviceId, region, chtsVersion, gbcsVersion,
 * status, ruleId}], hubsTruncated}}; {@code status} (WITHIN_MVP, PAST_GBCS_APPLICABILITY, PAST_MVP, UNKNOWN_VERSION)
 * filters the hubs; {@code limit} 1..10,000 (default 1,000). With {@code format=csv} or {@code Accept: text/csv}:
 * every hub in view as CSV ({@code deviceId,region,chtsVersion,gbcsVersion,status,ruleId}). 400 for a bad parameter;
 * 403 for a User who is neither DCC operator, administrator nor Supplier (a Supplier sees the hubs of the premises it
 * supplies).
 */
final class ReportRoutes {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private ReportRoutes() {
    }

    static void install(Javalin app, TsatReports reports) {
        app.get("/api/reports/tsat", ctx -> {
            LocalDate asOf = asOf(ctx);
            TsatStatus status = QueryParams.enumParam(ctx, "status", TsatStatus.class);
            String accept = ctx.header("Accept");
            if ("csv".equals(ctx.queryParam("format")) || (accept != null && accept.contains("text/csv"))) {
                StringBuilder csv = new StringBuilder("deviceId,region,chtsVersion,gbcsVersion,status,ruleId\n");
                reports.forEachHub(Authentication.user(ctx), asOf, status, h -> csv.append(h.deviceId()).append(',')
                        .append(h.region()).append(',').append(cell(h.chtsVersion())).append(',').append(cell(h.gbcsVersion()))
                        .append(',').append(h.status()).append(',').append(h.ruleId()).append('\n'));
                ctx.contentType("text/csv").result(csv.toString());
                return;
            }
            int limit = QueryParams.intParam(ctx, "limit", 1000);
            if (limit < 1 || limit > 10_000) {
                throw new BadRequestException("limit", "limit is 1..10000", "limit " + limit + " is out of range");
            }
            TsatReports.Report r = reports.report(Authentication.user(ctx), asOf, status, limit);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("asOf", r.asOf());
            body.put("table", r.table());
            body.put("hubsByStatus", r.hubsByStatus());
            body.put("versions", r.versions());
            body.put("hubs", r.hubs());
            body.put("hubsTruncated", r.hubsTruncated());
            ctx.json(body);
        }, RoutePolicy.of(AccessPolicy.TSAT_REPORT));
    }

    private static String cell(String v) {
        return v == null ? "" : v;
    }

    private static LocalDate asOf(Context ctx) {
        String v = QueryParams.stringParam(ctx, "asOf");
        if (v == null) {
            return LocalDate.now(UK);
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf", "asOf is an ISO date yyyy-MM-dd", "'" + (v.length() > 40 ? v.substring(0, 40) : v)
                    + "' is not an ISO date");
        }
    }
}
