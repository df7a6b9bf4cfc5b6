package org.secflow.server.http;

import static org.secflow.server.http.ApiOperation.array;
import static org.secflow.server.http.ApiOperation.formatted;
import static org.secflow.server.http.ApiOperation.integer;
import static org.secflow.server.http.ApiOperation.object;
import static org.secflow.server.http.ApiOperation.oneOf;
import static org.secflow.server.http.ApiOperation.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import org.secflow.campaign.CampaignDefinition;
import org.secflow.campaign.DeviceState;
import org.secflow.creditcover.ChargeEstimate;
import org.secflow.creditcover.CreditCoverAssessment;
import org.secflow.creditcover.CreditCoverService;
import org.secflow.creditcover.CreditInvoice;
import org.secflow.creditcover.CreditParty;
import org.secflow.creditcover.CreditSupportInstrument;
import org.secflow.creditcover.Money;
import org.secflow.inventory.Device;
import org.secflow.inventory.DevicePreNotification;
import org.secflow.inventory.DeviceQuery;
import org.secflow.inventory.DeviceUpdate;
import org.secflow.inventory.FirmwareImageRegistration;
import org.secflow.inventory.Page;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.maintenance.ProposedSchedule;
import org.secflow.maintenance.ScheduleValidation;
import org.secflow.maintenance.StoredSchedule;
import org.secflow.maintenance.StoredWindow;
import org.secflow.modification.ModificationEvent;
import org.secflow.modification.ModificationStage;
import org.secflow.modification.ModificationTask;
import org.secflow.modification.ModificationView;
import org.secflow.modification.NewModification;
import org.secflow.modification.TaskCompletion;
import org.secflow.plugin.PluginStatus;
import org.secflow.servicerequest.ServiceRequestService;
import org.secflow.servicerequest.ServiceRequestSubmission;
import org.secflow.servicerequest.ServiceRequestView;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;
import org.secflow.tsat.TsatStatus;

/**
 * Every route of the API, described: parameters with their bounds, request and answer bodies by Java type (the
 * schemas are generated from them), and the bounds the validation code enforces (text lengths, money at most
 * £10^12, page sizes). A test compares these operations with the routes the server registers, so a route added
 * without its description fails the build.
 */
final class ApiOperations {
    private final ApiDescription d;

    private ApiOperations(ApiDescription d) {
        this.d = d;
    }

    /** The OpenAPI document of the API whose registered routes are {@code routes}. */
    static ObjectNode describe(String version, List<RoutePolicy.Route> routes) {
        ApiDescription d = new ApiDescription(version);
        ApiOperations o = new ApiOperations(d);
        o.system();
        o.inventory();
        o.serviceRequests();
        o.rulesAndProcesses();
        o.maintenanceAndCreditCover();
        o.modifications();
        o.campaigns();
        o.bounds();
        return d.build(routes);
    }

    private ApiOperation op(String method, String path, String tag, String summary) {
        return new ApiOperation(d, method, path, tag, summary);
    }

    private void system() {
        op("get", "/api/health", "platform", "Platform status").answers(200, "status UP; versions, folders and counts "
                + "for operators and admins", object("status, and for operators and admins versions, database, counts, plugins, rules, folders"));
        op("get", "/api/plugins", "platform", "Plugin folders and their providers").answersList(200, "every plugin", PluginStatus.class);
        op("get", "/api/me", "platform", "The caller's identity").answers(200, "userId, name, party, dccUserRoles, "
                + "platformRoles, groups", object("the caller"));
        op("get", "/api/console/config", "platform", "How the web console signs in").description("No token needed: "
                + "{oidc: null} when no identity provider is configured, else {oidc: {issuer, clientId, providerName, scopes, "
                + "authorizationEndpoint, tokenEndpoint, endSessionEndpoint}}; nothing secret.")
                .answers(200, "the console's sign-in settings", object("the sign-in settings"));
        op("get", "/api/openapi.json", "platform", "This description (OpenAPI 3.1)").answers(200, "the document", object("OpenAPI 3.1"));
        op("get", "/api/docs", "platform", "Swagger UI over this description").answersText(200, "the page", "text/html");
        op("get", "/api/metrics", "platform", "Metrics in the Prometheus text format").description("HTTP requests by "
                + "route template and status, Service Request decisions by SRV and outcome, rule evaluation time, campaign "
                + "devices by state and their transitions, CSP commands in flight, process engine jobs, the connection "
                + "pool and the JVM.").answersText(200, "every meter", "text/plain");
    }

    private void inventory() {
        op("post", "/api/devices", "inventory", "Pre-notify a device (like SRV 12.2)").body(DevicePreNotification.class, true)
                .answers(201, "the device as stored", Device.class);
        op("get", "/api/devices/{deviceId}", "inventory", "Read a device (like SRV 8.2)").path("deviceId", "device id (EUI-64)")
                .answers(200, "the device", Device.class);
        op("patch", "/api/devices/{deviceId}", "inventory", "Update a device (like SRV 8.4)").path("deviceId", "device id (EUI-64)")
                .body(DeviceUpdate.class, true).answers(200, "the device as stored", Device.class);
        op("get", "/api/devices", "inventory", "A page of the Smart Metering Inventory")
                .query("type", oneOf(DeviceType.class), "device type").query("variant", oneOf(AltHanDeviceVariant.class), "Alt HAN variant")
                .query("region", oneOf(Region.class), "CSP region").query("firmwareVersion", text(32), "firmware version")
                .query("commsHubId", text(23), "Communications Hub id").query("page", integer(0, DeviceQuery.MAX_PAGE), "page number, from 0")
                .query("size", integer(1, DeviceQuery.MAX_SIZE), "page size (default 50)")
                .answers(200, "the page", TypeFactory.defaultInstance().constructParametricType(Page.class, Device.class));
        op("post", "/api/firmware-images", "inventory", "Register a known firmware image (MP170 BR12)")
                .body(FirmwareImageRegistration.class, true).answers(201, "the image", RegisteredFirmwareImage.class);
        op("get", "/api/firmware-images", "inventory", "The known firmware images").answersList(200, "every image", RegisteredFirmwareImage.class);
    }

    private void serviceRequests() {
        op("post", "/api/service-requests", "service requests", "Send a Service Request").description("One SRV (DUIS, "
                + "Service Request matrix) for one device or up to " + ServiceRequestService.MAX_DEVICES + "; the rules decide, "
                + "the decision is audited; a rejection is 422 with violations [{ruleId, message, source}]. An SRV for the DSP is "
                + "deferred, 503 with Retry-After and nothing written, while the DSP's device events are recorded further "
                + "behind than serviceRequests.maxRecordingLagMs.")
                .body(ServiceRequestSubmission.class, true).answers(202, "accepted: the request and its state", ServiceRequestView.class);
        op("get", "/api/service-requests/{id}", "service requests", "A Service Request with its devices' progress and history")
                .path("id", "request id").answers(200, "the request", ServiceRequestView.class);
        op("get", "/api/service-requests", "service requests", "The decision audit, newest first")
                .query("userId", text(64), "a User (admins only; others see their own)").query("srv", text(16), "an SRV")
                .query("outcome", oneOf("ACCEPTED", "REJECTED"), "outcome").query("limit", integer(1, 1000), "at most (default 100; clamped to 1..1000)")
                .answers(200, "audited decisions", array("decidedAt, userId, party, userRole, srv, deviceIds, outcome, violations, rulesetVersion, requestId"));
    }

    private void rulesAndProcesses() {
        String rules = "rule-set version, files, faults; the folder for analysts, operators and admins";
        op("get", "/api/rules", "rules", "The rules in service").answers(200, rules, object(rules));
        op("post", "/api/rules/reload", "rules", "Reload the rules folder").description("A version whose files do not build "
                + "or whose scenario cases fail is refused (422, errors by file and line); the previous version keeps serving.")
                .answers(200, rules, object(rules));
        op("post", "/api/rules/rollback", "rules", "Go back to the previous version").answers(200, rules, object(rules));
        op("get", "/api/rules/files/{file}", "rules", "One rule file's text").path("file", "file name in the rules folder")
                .answers(200, "name and text", object("file, content"));
        op("post", "/api/rules/scenarios/run", "rules", "Run every scenario table against the rules in service")
                .answers(200, "cases run and failed, per table", object("results per scenario table"));
        op("get", "/api/processes", "processes", "The deployed processes").answers(200, "definitions, last refusal; the folder "
                + "for designers, operators and admins", object("directory, definitions, lastRefused"));
        op("post", "/api/processes/reload", "processes", "Deploy the BPMN folder").answers(200, "deployed, unchanged, refused",
                object("the deployment report"));
        op("get", "/api/processes/{key}/diagram", "processes", "A process definition's BPMN XML")
                .path("key", "process definition key").query("version", integer(1, Integer.MAX_VALUE), "definition version (default latest)")
                .answers(200, "key, version, xml", object("the diagram"));
        op("post", "/api/processes/deploy", "processes", "Deploy one uploaded BPMN file").body(ConsoleSupportRoutes.Upload.class, true)
                .answers(200, "the deployment report", object("the deployment report"));
    }

    private void maintenanceAndCreditCover() {
        op("post", "/api/maintenance/schedules/validate", "maintenance", "Check a month's Planned Maintenance schedule (SEC H8)")
                .body(ProposedSchedule.class, true).answers(200, "the assessment of every window; nothing is stored", ScheduleValidation.class);
        op("post", "/api/maintenance/schedules", "maintenance", "Publish a month's Planned Maintenance schedule")
                .body(ProposedSchedule.class, true).answers(201, "the schedule as stored", StoredSchedule.class);
        op("get", "/api/maintenance/windows", "maintenance", "Published maintenance windows")
                .query("from", formatted("date-time"), "from (local date-time)").query("to", formatted("date-time"), "to (local date-time)")
                .answersList(200, "the windows", StoredWindow.class);
        String cc = "credit cover";
        op("post", "/api/credit-cover/parties", cc, "Record a Party's credit data (SEC J3)").body(CreditParty.class, true)
                .answers(201, "the Party as stored", CreditParty.class);
        op("get", "/api/credit-cover/parties/{id}", cc, "A Party's credit data").path("id", "Party id").answers(200, "the Party", CreditParty.class);
        op("post", "/api/credit-cover/parties/{id}/invoices", cc, "Record an invoice").path("id", "Party id")
                .body(CreditInvoice.class, true).answers(201, "the invoice as stored", CreditInvoice.class);
        op("post", "/api/credit-cover/parties/{id}/credit-support", cc, "Record credit support").path("id", "Party id")
                .body(CreditCoverService.SupportRequest.class, true).answers(201, "the instrument", CreditSupportInstrument.class);
        op("post", "/api/credit-cover/parties/{id}/estimates", cc, "Record an estimate of charges").path("id", "Party id")
                .body(ChargeEstimate.class, true).answers(201, "the estimate as stored", ChargeEstimate.class);
        op("get", "/api/credit-cover/parties/{id}/status", cc, "A Party's Credit Cover status").path("id", "Party id")
                .query("asOf", formatted("date"), "as of (default today)").answers(200, "the status", object("the Credit Cover status"));
        op("post", "/api/credit-cover/assessments", cc, "Assess a Party's Credit Cover Requirement")
                .body(CreditCoverRoutes.AssessmentRequest.class, true).answers(201, "the assessment", CreditCoverAssessment.class);
        op("get", "/api/credit-cover/assessments", cc, "Assessments").query("partyId", text(64), "a Party (default: the "
                + "caller's, or every Party for DCC finance and admins)").answersList(200, "the assessments", CreditCoverAssessment.class);
    }

    private void modifications() {
        String m = "modifications";
        op("post", "/api/modifications", m, "Raise a Draft Proposal (SEC Section D)").body(NewModification.class, true)
                .answers(201, "the modification", ModificationView.class);
        op("post", "/api/modifications/{reference}/events", m, "Record a lifecycle event").path("reference", "e.g. MP170")
                .body(ModificationEvent.class, true).answers(200, "the modification", ModificationView.class);
        op("get", "/api/modifications/{reference}", m, "A modification with its history").path("reference", "e.g. MP170")
                .answers(200, "the modification", ModificationView.class);
        op("get", "/api/modifications", m, "The register of modifications").query("stage", oneOf(ModificationStage.class), "stage")
                .answersList(200, "the modifications", ModificationView.class);
        op("get", "/api/modifications/{reference}/target-release", m, "The SEC release a decision date targets")
                .path("reference", "e.g. MP170").query("decisionDate", formatted("date"), "decision date (default today)")
                .answers(200, "the release", object("the targeted release"));
        op("get", "/api/modifications/{reference}/process", m, "The lifecycle process of a modification and where it stands")
                .path("reference", "e.g. MP170").answers(200, "the path", object("activities passed and waiting"));
        op("get", "/api/tasks", m, "Open user tasks").answersList(200, "the tasks", ModificationTask.class);
        op("post", "/api/tasks/{id}/complete", m, "Complete a user task").path("id", "task id").body(TaskCompletion.class, false)
                .answers(200, "the modification", ModificationView.class);
    }

    private void campaigns() {
        String c = "campaigns";
        ObjectNode campaign = object("campaign: id, name, state, waves, counts by state");
        op("post", "/api/campaigns", c, "Create a firmware campaign (SRV 11.4 to many devices)").body(CampaignDefinition.class, true)
                .answers(201, "the campaign, awaiting approval", campaign);
        op("get", "/api/campaigns", c, "Campaigns, newest first").answers(200, "the campaigns, without counts", array("campaigns"));
        op("get", "/api/campaigns/{id}", c, "A campaign with its counts").path("id", "campaign id").answers(200, "the campaign", campaign);
        for (String action : List.of("approve", "pause", "resume", "cancel")) {
            op("post", "/api/campaigns/{id}/" + action, c, action.substring(0, 1).toUpperCase() + action.substring(1) + " a campaign")
                    .path("id", "campaign id").answers(200, "the campaign", campaign);
        }
        op("get", "/api/campaigns/{id}/devices", c, "A page of a campaign's devices").path("id", "campaign id")
                .query("state", oneOf(DeviceState.class), "device state").query("page", integer(0, Integer.MAX_VALUE), "page, from 0")
                .query("size", integer(1, 1000), "page size (default 100; clamped to 1..1000)").answers(200, "the page", object("devices, page, size"));
        op("get", "/api/campaigns/{id}/althanco-notification", c, "The AltHANCo notification of a campaign (MP170)")
                .path("id", "campaign id").answers(200, "the devices to notify", array("rows"));
        op("get", "/api/campaigns/{id}/process", c, "The campaign's process and where it stands").path("id", "campaign id")
                .answers(200, "the path", object("activities passed and waiting"));
        op("get", "/api/campaigns/{id}/confirmed-over-time", c, "Devices confirmed over time").path("id", "campaign id")
                .answers(200, "campaignId and points", object("campaignId, points"));
        op("get", "/api/reports/firmware-versions", c, "Firmware versions over every campaign (MP170 BR4)")
                .query("format", oneOf("csv"), "csv for CSV").answers(200, "rows", array("rows")).orCsv();
        op("get", "/api/reports/firmware-performance", c, "Delivery and activation success (SEC H13)")
                .query("month", text(7), "yyyy-MM (default this month)").answers(200, "rows", array("rows"));
        op("get", "/api/reports/tsat", c, "Communications Hubs by TSAT status (SEC Schedule 11)")
                .query("status", oneOf(TsatStatus.class), "status").query("asOf", formatted("date"), "as of (default today)")
                .query("limit", integer(1, Integer.MAX_VALUE), "at most (default 1000)").query("format", oneOf("csv"), "csv for CSV")
                .answers(200, "the hubs", object("asOf, counts, hubs")).orCsv();
    }

    /** The bounds the validation code enforces on request fields. */
    private void bounds() {
        d.bound("DevicePreNotification", "manufacturer", "maxLength", 64);
        d.bound("DevicePreNotification", "model", "maxLength", 64);
        d.bound("DevicePreNotification", "firmwareVersion", "maxLength", 32);
        d.bound("DeviceUpdate", "manufacturer", "maxLength", 64);
        d.bound("DeviceUpdate", "model", "maxLength", 64);
        d.bound("DeviceUpdate", "firmwareVersion", "maxLength", 32);
        d.bound("CampaignDefinition", "name", "maxLength", CampaignDefinition.MAX_NAME);
        d.bound("CampaignDefinition", "upgradeFrom", "maxItems", 100);
        d.bound("NewModification", "reference", "maxLength", 12);
        d.bound("NewModification", "title", "maxLength", 500);
        d.bound("NewModification", "proposer", "maxLength", 200);
        d.bound("ServiceRequestSubmission", "deviceIds", "maxItems", ServiceRequestService.MAX_DEVICES);
        for (String[] money : new String[][] {{"CreditParty", "maximumCreditValue"}, {"CreditInvoice", "amountIncVat"},
                {"SupportRequest", "amount"}, {"ChargeEstimate", "amount"}}) {
            d.bound(money[0], money[1], "minimum", 0);
            d.bound(money[0], money[1], "maximum", Money.MAX);
        }
    }
}
