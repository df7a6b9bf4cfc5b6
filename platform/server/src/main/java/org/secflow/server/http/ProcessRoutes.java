package org.secflow.server.http;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.PlatformRole;
import org.secflow.problem.ForbiddenException;
import org.secflow.workflow.DeploymentReport;
import org.secflow.workflow.ProcessDeployer;

/**
 * {@code GET /api/processes}: every deployed process definition (key, name, version, file, deployment time,
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
            body.put("directory", String.valueOf(processes.directory().getFileName())); // its name: no server path to a client
            body.put("definitions", processes.definitions());
            body.put("lastRefused", processes.lastRefused().orElse(null));
            ctx.json(body);
        });
        app.post("/api/processes/reload", ctx -> {
            if (!Authentication.user(ctx).hasPlatformRole(PlatformRole.DESIGNER)) {
                throw new ForbiddenException("deploying processes needs the designer or admin role",
                        "user " + Authentication.user(ctx).userId() + " may not deploy processes");
            }
            DeploymentReport report = processes.deployAll();
            if (!report.ok()) {
                Problems.write(ctx, 422, "Process refused",
                        "a BPMN file was refused by the parser; its previous version keeps running", null,
                        "Camunda BPMN parser", Map.of("errors", report.refused(), "deployed", report.deployed(),
                                "unchanged", report.unchanged()));
                return;
            }
            ctx.json(report);
        });
    }
}
