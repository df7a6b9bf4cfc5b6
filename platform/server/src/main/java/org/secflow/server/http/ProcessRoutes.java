package org.secflow.server.http;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.PlatformRole;
import org.secflow.access.AccessPolicy;
import org.secflow.workflow.DeploymentReport;
import org.secflow.workflow.ProcessDeployer;

/**
 * {@code GET /api/processes} (any User; the BPMN folder for designers, operators and admins): every deployed process definition (key, name, version, file, deployment time,
 * whether new instances start on it) and the last refused deployment; {@code POST /api/processes/reload}
 * (designer or admin): deploys the changed {@code .bpmn} files of the BPMN directory without a restart. A file
 * Camunda's parser refuses gives {@code 422} problem+json with {@code errors: [{file, element, line, column,
 * message}]}; that file's previous version keeps running, other changed files are deployed and listed in
 * {@code deployed}.
 */
final class ProcessRoutes {
    private ProcessRoutes() {
    }

    static void install(Javalin app, ProcessDeployer processes) {
        app.get("/api/processes", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (Authentication.user(ctx).hasPlatformRole(PlatformRole.DESIGNER, PlatformRole.OPERATOR)) {
                body.put("directory", processes.directory().toString());
            }
            body.put("definitions", processes.definitions());
            body.put("lastRefused", processes.lastRefused().orElse(null));
            ctx.json(body);
        }, RoutePolicy.of(AccessPolicy.PROCESS_READ));
        app.post("/api/processes/reload", ctx -> {
            DeploymentReport report = processes.deployAll();
            if (!report.ok()) {
                Problems.write(ctx, 422, "Process refused",
                        "a BPMN file was refused by the parser; its previous version keeps running", null,
                        "Camunda BPMN parser", Map.of("errors", report.refused(), "deployed", report.deployed(),
                                "unchanged", report.unchanged()));
                return;
            }
            ctx.json(report);
        }, RoutePolicy.of(AccessPolicy.PROCESS_DEPLOY));
    }
}
