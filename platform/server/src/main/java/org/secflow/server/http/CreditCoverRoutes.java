package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.AccessPolicy;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.creditcover.ChargeEstimate;
import org.secflow.creditcover.CreditCoverAssessment;
import org.secflow.creditcover.CreditCoverService;
import org.secflow.creditcover.CreditInvoice;
import org.secflow.creditcover.CreditParty;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;

/**
 * Credit Cover (SEC J3 as reviewed by MP159, M8.1; rules/credit-cover.drl):
 * <ul>
 *   <li>{@code POST /api/credit-cover/parties} {@code {partyId, name, parentPartyId?, parentCompanyGuarantee?,
 *       maximumCreditValue, creditAssessmentScore}} → 201 (creates or replaces)</li>
 *   <li>{@code POST /api/credit-cover/parties/{id}/invoices} {@code {invoiceId, issuedOn, dueOn, amountIncVat, paidOn?}} → 201</li>
 *   <li>{@code POST /api/credit-cover/parties/{id}/credit-support} {@code {instrumentId, type, amount, expiresOn?}} → 201</li>
 *   <li>{@code POST /api/credit-cover/parties/{id}/estimates} {@code {estimatedOn, amount}} → 201</li>
 *   <li>{@code POST /api/credit-cover/assessments} {@code {partyId, asOf?}} → 201 with the stored assessment</li>
 *   <li>{@code GET /api/credit-cover/assessments?partyId=} stored assessments, newest first</li>
 *   <li>{@code GET /api/credit-cover/parties/{id}} and {@code GET /api/credit-cover/parties/{id}/status}</li>
 * </ul>
 * Access: users with the platform role FINANCE (DCC finance) or ADMIN see and change every party; a Party's users
 * (User.party() = the party id) see only their own party and its assessments; any other party answers 404, as if it
 * did not exist. Only FINANCE/ADMIN write (403 otherwise, for every party alike). Unreadable input → 400, invalid values → 422 naming the field.
 */
final class CreditCoverRoutes {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private CreditCoverRoutes() {
    }

    /** The body of {@code POST /api/credit-cover/assessments}. */
    record AssessmentRequest(String partyId, LocalDate asOf) {
    }

    static void install(Javalin app, CreditCoverService service) {
        if (service == null) {
            return;
        }
        RoutePolicy read = RoutePolicy.of(AccessPolicy.CREDIT_COVER_READ);
        RoutePolicy write = RoutePolicy.of(AccessPolicy.CREDIT_COVER_WRITE);
        app.post("/api/credit-cover/parties", ctx -> ctx.status(201).json(
                service.putParty(Authentication.user(ctx).userId(), Json.read(ctx.body(), CreditParty.class))), write);
        app.get("/api/credit-cover/parties/{id}", ctx -> ctx.json(service.party(visibleParty(ctx, ctx.pathParam("id")))), read);
        app.post("/api/credit-cover/parties/{id}/invoices", ctx -> ctx.status(201).json(
                service.putInvoice(visibleParty(ctx, ctx.pathParam("id")), Json.read(ctx.body(), CreditInvoice.class))), write);
        app.post("/api/credit-cover/parties/{id}/credit-support", ctx -> ctx.status(201).json(service.putSupport(
                visibleParty(ctx, ctx.pathParam("id")), Json.read(ctx.body(), CreditCoverService.SupportRequest.class))), write);
        app.post("/api/credit-cover/parties/{id}/estimates", ctx -> ctx.status(201).json(
                service.putEstimate(visibleParty(ctx, ctx.pathParam("id")), Json.read(ctx.body(), ChargeEstimate.class))), write);
        app.get("/api/credit-cover/parties/{id}/status", ctx -> {
            String id = visibleParty(ctx, ctx.pathParam("id"));
            CreditCoverAssessment a = service.latest(id);
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("partyId", id);
            status.put("assessed", a != null);
            if (a != null) {
                status.put("assessmentId", a.assessmentId());
                status.put("asOf", a.asOf());
                status.put("requirement", a.requirement());
                status.put("threshold", a.threshold());
                status.put("supportRequired", a.supportRequired());
                status.put("supportHeld", a.supportHeld());
                status.put("shortfall", a.shortfall());
                status.put("topUpDeadline", a.topUpDeadline());
                status.put("eventOfDefault", a.eventOfDefault());
                status.put("ruleSetVersion", a.ruleSetVersion());
            }
            ctx.json(status);
        }, read);
        app.post("/api/credit-cover/assessments", ctx -> {
            AssessmentRequest r = Json.read(ctx.body(), AssessmentRequest.class);
            if (r.partyId() == null || r.partyId().isBlank()) {
                throw new InvalidFieldException("partyId", "an assessment is of a Party", "partyId is missing");
            }
            String id = visibleParty(ctx, r.partyId());
            ctx.status(201).json(service.assess(Authentication.user(ctx).userId(), id, r.asOf() == null ? LocalDate.now(UK) : r.asOf()));
        }, write);
        app.get("/api/credit-cover/assessments", ctx -> {
            String partyId = QueryParams.stringParam(ctx, "partyId");
            User u = Authentication.user(ctx);
            if (partyId != null) {
                ctx.json(service.assessments(visibleParty(ctx, partyId)));
            } else {
                ctx.json(service.assessments(seesAll(u) ? null : u.party()));
            }
        }, read);
    }

    private static boolean seesAll(User u) {
        return u.hasPlatformRole(PlatformRole.FINANCE);
    }

    /** The party id when the user may see it; 404 (no disclosure) otherwise. */
    private static String visibleParty(Context ctx, String partyId) {
        User u = Authentication.user(ctx);
        if (seesAll(u) || u.party().equals(partyId)) {
            return partyId;
        }
        throw new NotFoundException("partyId", "no such Credit Cover party for this User");
    }
}
