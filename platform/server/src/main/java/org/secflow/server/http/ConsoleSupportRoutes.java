package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.secflow.access.AccessPolicy;
import org.secflow.access.User;
import org.secflow.campaign.CampaignConfirmations;
import org.secflow.campaign.FirmwareCampaignService;
import org.secflow.creditcover.CreditCoverScenarios;
import org.secflow.maintenance.MaintenanceScenarios;
import org.secflow.modification.ReleaseCalendarException;
import org.secflow.modification.ReleaseTargetingScenarios;
import org.secflow.problem.BadRequestException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.rules.LoadedRules;
import org.secflow.server.Platform;
import org.secflow.servicerequest.ScenarioRunner;
import org.secflow.rules.scenario.ScenarioTableException;
import org.secflow.servicerequest.ScenarioTables;
import org.secflow.workflow.DeploymentReport;

/**
 * Read-only views (and one upload) the web console needs beyond the feature routes; every one is a plain API call a
 * client may make as well, with the same bearer token and problem+json errors:
 * <ul>
 *   <li>{@code GET /api/me} (any authenticated User): {@code {userId, name, party, dccUserRoles, platformRoles,
 *       groups}} of the caller, so a page can offer only the actions the API would allow</li>
 *   <li>{@code GET /api/console/config} (anyone): how the console signs in ({@link ConsoleSignInRoute})</li>
 *   <li>{@code GET /api/processes/{key}/diagram?version=} (any authenticated User, as {@code GET /api/processes}):
 *       {@code {key, name, version, id, file, latest, xml, instances, activities: {activityId: {instances,
 *       incidents}}}}: the deployed BPMN XML of that version (default the latest) and the running instances (and
 *       open incidents) waiting in each activity, totals over every Party (Camunda activity statistics); 404 for an
 *       unknown key or version, 400 for a version that is not a number</li>
 *   <li>{@code POST /api/processes/deploy} (designer or admin) {@code {file: "name.bpmn", xml}}: deploys a file saved
 *       by Camunda Modeler with the same parser and duplicate filtering as {@code POST /api/processes/reload} and, once
 *       deployed, writes it into the BPMN directory (replacing the file of that name) → 200 {@code {at, deployed,
 *       unchanged, refused}}; 422 with {@code errors: [{file, element, line, column, message}]} when the parser refuses
 *       it (nothing written, the previous version keeps running); 422 for a file name that is not
 *       {@code <letters, digits, . _ ->.bpmn} or an empty {@code xml}</li>
 *   <li>{@code GET /api/campaigns/{id}/process} (as {@code GET /api/campaigns/{id}}: the creating Supplier's Users,
 *       DCC operators and admins; another Party's campaign answers 404 like a missing one): {@code {processDefinitionKey,
 *       processDefinitionVersion, processInstanceId, ended, active: [activityId], passed: [{activityId, name, type,
 *       startedAt, endedAt}]}}: the path the campaign's process instance took, oldest first (Camunda history)</li>
 *   <li>{@code GET /api/campaigns/{id}/confirmed-over-time} (same access): {@code {campaignId, points: [{at,
 *       confirmed}]}}, the cumulative number of CONFIRMED devices at the end of each time bucket (at least 1 s, at most
 *       120 buckets)</li>
 *   <li>{@code GET /api/modifications/{reference}/process} (any authenticated User, as {@code GET
 *       /api/modifications/{reference}}): the same shape for the modification's lifecycle instance</li>
 *   <li>{@code GET /api/rules/files/{file}} (any authenticated User, as {@code GET /api/rules}): {@code {file,
 *       content}} the text of a rule file of the rules directory ({@code .drl}, {@code .csv}); 404 for no such file,
 *       422 for a spreadsheet ({@code .xlsx}, binary: open it in a spreadsheet program)</li>
 *   <li>{@code POST /api/rules/scenarios/run} (analyst or admin): runs every scenario table of the rules directory
 *       ({@code *.cases.csv}, as {@code secflow rules test}) against the rules in service → 200 {@code {rulesVersion,
 *       passed, failed, tables: [{kind, passed, failed}], failures: [{kind, description}]}}; 422 with {@code errors:
 *       [{file, line, message}]} when a table cannot be read</li>
 * </ul>
 */
final class ConsoleSupportRoutes {
    private static final int MAX_BPMN_CHARS = 2_000_000;
    /** The process key of bpmn/modification-lifecycle.bpmn (bpmn/README.md). */
    private static final String MODIFICATION_PROCESS = "modification-lifecycle";

    private ConsoleSupportRoutes() {
    }

    /**
     * The body of {@code POST /api/processes/deploy}: a file name and the file's XML. The XML is a whole BPMN file,
     * longer than the API's other text fields, so it is read without their 10,000-character bound; the request body
     * limit of the server still applies.
     */
    record Upload(String file,
                  @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = com.fasterxml.jackson.databind.deser.std.StringDeserializer.class)
                  String xml) {
    }

    static void install(Javalin app, Platform platform) {
        ProcessEngine engine = platform.workflow() == null ? null : platform.workflow().engine();
        app.get("/api/me", ctx -> {
            User u = Authentication.user(ctx);
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("userId", u.userId());
            me.put("name", u.name());
            me.put("party", u.party());
            me.put("dccUserRoles", u.dccUserRoles().stream().map(Enum::name).sorted().toList());
            me.put("platformRoles", u.platformRoles().stream().map(Enum::name).sorted().toList());
            me.put("groups", u.groups().stream().sorted().toList());
            ctx.json(me);
        }, RoutePolicy.of(AccessPolicy.IDENTITY));
        ConsoleSignInRoute.install(app, platform.config().oidc());
        if (engine != null) {
            app.get("/api/processes/{key}/diagram", ctx -> ctx.json(diagram(engine, ctx)), RoutePolicy.of(AccessPolicy.PROCESS_READ));
            app.post("/api/processes/deploy", ctx -> deploy(platform, ctx), RoutePolicy.of(AccessPolicy.PROCESS_DEPLOY));
            RoutePolicy campaign = RoutePolicy.of(AccessPolicy.CAMPAIGN);
            app.get("/api/campaigns/{id}/process", ctx -> {
                platform.campaigns().requireVisible(Authentication.user(ctx), ctx.pathParam("id"));
                ctx.json(path(engine, FirmwareCampaignService.PROCESS_KEY, ctx.pathParam("id")));
            }, campaign);
            app.get("/api/campaigns/{id}/confirmed-over-time", ctx -> {
                String id = ctx.pathParam("id");
                platform.campaigns().requireVisible(Authentication.user(ctx), id);
                ctx.json(Map.of("campaignId", id,
                        "points", new CampaignConfirmations(platform.database().jdbi()).overTime(id)));
            }, campaign);
            app.get("/api/modifications/{reference}/process", ctx -> {
                String reference = platform.modifications().view(ctx.pathParam("reference")).reference();
                ctx.json(path(engine, MODIFICATION_PROCESS, reference));
            }, RoutePolicy.of(AccessPolicy.MODIFICATION_READ));
        }
        app.get("/api/rules/files/{file}", ctx -> ctx.json(ruleFile(platform.rules().directory(), ctx.pathParam("file"))),
                RoutePolicy.of(AccessPolicy.RULES_READ));
        app.post("/api/rules/scenarios/run", ctx -> runScenarios(platform, ctx), RoutePolicy.of(AccessPolicy.RULES_CHANGE));
    }

    private static Map<String, Object> diagram(ProcessEngine engine, Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        Integer version = null;
        String v = QueryParams.stringParam(ctx, "version");
        if (v != null) {
            try {
                version = Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new BadRequestException("version", "a process version is a number", "'" + v + "' is not a number");
            }
        }
        ProcessDefinitionQuery q = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key);
        ProcessDefinition def = (version == null ? q.latestVersion() : q.processDefinitionVersion(version)).singleResult();
        if (def == null) {
            throw new NotFoundException("key", "no deployed process " + key + (version == null ? "" : " version " + version));
        }
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        String xml;
        try (InputStream in = engine.getRepositoryService().getProcessModel(def.getId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> activities = new LinkedHashMap<>();
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(def.getId()).count();
        for (ActivityStatistics s : engine.getManagementService().createActivityStatisticsQuery(def.getId())
                .includeIncidents().list()) {
            int incidents = s.getIncidentStatistics().stream().mapToInt(i -> i.getIncidentCount()).sum();
            activities.put(s.getId(), Map.of("instances", s.getInstances(), "incidents", incidents));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", def.getKey());
        body.put("name", def.getName());
        body.put("version", def.getVersion());
        body.put("id", def.getId());
        body.put("file", def.getResourceName());
        body.put("latest", latest != null && latest.getId().equals(def.getId()));
        body.put("instances", instances);
        body.put("activities", activities);
        body.put("xml", xml);
        return body;
    }

    private static void deploy(Platform platform, Context ctx) {
        Upload upload = Json.read(ctx.body(), Upload.class);
        if (upload.file() == null || !upload.file().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.bpmn")) {
            throw new InvalidFieldException("file", "a BPMN file name is <name>.bpmn of letters, digits, '.', '_' and '-'",
                    "'" + upload.file() + "' is not a BPMN file name");
        }
        if (upload.xml() == null || upload.xml().isBlank() || upload.xml().length() > MAX_BPMN_CHARS) {
            throw new InvalidFieldException("xml", "the BPMN XML, at most " + MAX_BPMN_CHARS + " characters",
                    upload.xml() == null || upload.xml().isBlank() ? "xml is empty" : "xml is too long");
        }
        DeploymentReport report = platform.processes().deployUpload(upload.file(), upload.xml().getBytes(StandardCharsets.UTF_8));
        if (!report.ok()) {
            Problems.write(ctx, 422, "Process refused",
                    "the BPMN file was refused by the parser and not written; its previous version keeps running", null,
                    "Camunda BPMN parser", Map.of("errors", report.refused(), "deployed", report.deployed(),
                            "unchanged", report.unchanged()));
            return;
        }
        ctx.json(report);
    }

    private static Map<String, Object> path(ProcessEngine engine, String key, String businessKey) {
        HistoricProcessInstance pi = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(key).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processDefinitionKey", key);
        if (pi == null) {
            body.put("processDefinitionVersion", null);
            body.put("processInstanceId", null);
            body.put("ended", false);
            body.put("active", List.of());
            body.put("passed", List.of());
            return body;
        }
        boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
        List<Map<String, Object>> passed = new ArrayList<>();
        for (HistoricActivityInstance a : engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("activityId", a.getActivityId());
            step.put("name", a.getActivityName());
            step.put("type", a.getActivityType());
            step.put("startedAt", a.getStartTime() == null ? null : a.getStartTime().toInstant());
            step.put("endedAt", a.getEndTime() == null ? null : a.getEndTime().toInstant());
            passed.add(step);
        }
        body.put("processDefinitionVersion", pi.getProcessDefinitionVersion());
        body.put("processInstanceId", pi.getId());
        body.put("ended", !running);
        body.put("active", running ? engine.getRuntimeService().getActiveActivityIds(pi.getId()) : List.of());
        body.put("passed", passed);
        return body;
    }

    private static Map<String, Object> ruleFile(Path dir, String name) throws IOException {
        Path file = null;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().equals(name) && Files.isRegularFile(f)).findFirst().orElse(null);
        }
        if (file == null || name.startsWith(".")) {
            throw new NotFoundException("file", "no rule file " + name);
        }
        if (!name.endsWith(".drl") && !name.endsWith(".csv")) {
            throw new InvalidFieldException("file", "the text of .drl and .csv rule files",
                    name + " is not a text rule file; open it in a spreadsheet program");
        }
        return Map.of("file", name, "content", Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void runScenarios(Platform platform, Context ctx) {
        Path dir = platform.rules().directory();
        LoadedRules rules = platform.rules().current();
        List<Map<String, Object>> tables = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        try {
            ScenarioRunner.Summary sr = ScenarioRunner.runAll(rules, ScenarioTables.readAll(dir));
            tally("Service Requests", sr.results(), ScenarioRunner.CaseResult::passed, ScenarioRunner.CaseResult::describe, tables, failures);
            tally("Planned Maintenance", MaintenanceScenarios.runAll(rules, MaintenanceScenarios.readAll(dir)),
                    MaintenanceScenarios.CaseResult::passed, MaintenanceScenarios.CaseResult::describe, tables, failures);
            tally("Credit Cover", CreditCoverScenarios.runAll(rules, CreditCoverScenarios.readAll(dir)),
                    CreditCoverScenarios.CaseResult::passed, CreditCoverScenarios.CaseResult::describe, tables, failures);
            tally("SEC Release targeting", ReleaseTargetingScenarios.runAll(rules, dir, ReleaseTargetingScenarios.readAll(dir)),
                    ReleaseTargetingScenarios.CaseResult::passed, ReleaseTargetingScenarios.CaseResult::describe, tables, failures);
        } catch (ScenarioTableException | ReleaseCalendarException e) {
            Problems.write(ctx, 422, "Scenario table refused", "a scenario table or the release calendar cannot be read",
                    "file", null, Map.of("errors", List.of(Map.of("message", String.valueOf(e.getMessage())))));
            return;
        }
        int passed = tables.stream().mapToInt(t -> (Integer) t.get("passed")).sum();
        int failed = tables.stream().mapToInt(t -> (Integer) t.get("failed")).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rulesVersion", rules.version());
        body.put("passed", passed);
        body.put("failed", failed);
        body.put("tables", tables);
        body.put("failures", failures);
        ctx.json(body);
    }

    private static <R> void tally(String kind, List<R> results, java.util.function.Predicate<R> ok,
                                  java.util.function.Function<R, String> describe,
                                  List<Map<String, Object>> tables, List<Map<String, Object>> failures) {
        int passed = 0;
        for (R r : results) {
            if (ok.test(r)) {
                passed++;
            } else {
                failures.add(Map.of("kind", kind, "description", describe.apply(r)));
            }
        }
        tables.add(Map.of("kind", kind, "passed", passed, "failed", results.size() - passed));
    }
}
