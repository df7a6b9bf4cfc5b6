package org.secflow.server.http;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secflow.access.AccessPolicy;
import org.secflow.plugin.PluginStatus;
import org.secflow.server.Platform;
import org.secflow.spi.SpiVersion;

/**
 * {@code GET /api/health}: status for anyone (also without a token); versions, database, counts, plugins and folders
 * for DCC operators and admins; {@code GET /api/plugins} (operators, designers, admins): every plugin
 * folder with id, version, providers (kind, regions, what they serve), loaded or refused and why.
 */
final class SystemRoutes {
    private SystemRoutes() {
    }

    static void install(Javalin app, Platform platform) {
        app.get("/api/health", ctx -> {
            if (!AccessPolicy.seesPlatformDetails(Authentication.user(ctx))) {
                ctx.json(Map.of("status", "UP"));
                return;
            }
            Map<String, Object> versions = new LinkedHashMap<>();
            versions.put("secflow", version());
            versions.put("spi", SpiVersion.CURRENT);
            versions.put("java", Runtime.version().toString());
            Map<String, Object> counts = platform.inventory().counts(smi -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("premises", smi.premises());
                c.put("commsHubs", smi.commsHubs());
                c.put("devices", smi.devices());
                c.put("firmwareImages", smi.firmwareImages());
                return c;
            });
            long refused = platform.plugins().statuses().stream().filter(s -> s.state() == PluginStatus.State.REFUSED).count();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("versions", versions);
            body.put("database", platform.database().describe());
            body.put("counts", counts);
            body.put("plugins", Map.of("loaded", platform.plugins().statuses().size() - refused, "refused", refused));
            if (platform.rules() != null) {
                body.put("rules", Map.of("version", platform.rules().current().version(),
                        "ruleCount", platform.rules().current().ruleCount()));
            }
            // folder names only: no server path to a client
            body.put("folders", Map.of("rules", String.valueOf(platform.paths().rules().getFileName()),
                    "bpmn", String.valueOf(platform.paths().bpmn().getFileName()),
                    "plugins", String.valueOf(platform.paths().plugins().getFileName())));
            ctx.json(body);
        }, RoutePolicy.of(AccessPolicy.HEALTH));
        app.get("/api/plugins", ctx -> ctx.json(platform.plugins().statuses()), RoutePolicy.of(AccessPolicy.PLUGINS));
    }

    static String version() {
        String v = SystemRoutes.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
