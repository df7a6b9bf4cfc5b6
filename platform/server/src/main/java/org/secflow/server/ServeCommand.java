package org.secflow.server;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import org.secflow.server.http.ApiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code secflow serve}: starts the platform and its REST API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts secflow: database, plugins and the REST API under /api.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static volatile boolean serving;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--demo", description = "When the SMI is empty, generate the demo estate (demo.premises, demo.seed of the configuration) first.")
    boolean demo;

    @Option(names = "--check", description = "Start everything serve starts (database migrations, rules, BPMN, plugins, "
            + "HTTP port, with --demo the demo data), then stop: exit status 0 when secflow got ready. A check after an "
            + "upgrade or a configuration change; bin/secflow-cds also uses it to record the classes a start loads.")
    boolean check;

    @Mixin
    RuntimeOptions options;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Platform platform = Platform.forServing(options.loadConfig(), options.paths());
        try {
            if (demo) {
                loadDemo(platform);
            }
            Javalin app = ApiServer.create(platform).start(port);
            if (check) {
                LOG.info("secflow ready on port {} in {} ms; stopping (--check)", app.port(), (System.nanoTime() - start) / 1_000_000);
                app.stop();
                platform.close();
                return 0;
            }
            serving = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                platform.close();
            }, "secflow-shutdown"));
            LOG.info("secflow ready on http://localhost:{}/api/health in {} ms (data {}, plugins {})", app.port(),
                    (System.nanoTime() - start) / 1_000_000, platform.paths().data(), platform.paths().plugins());
            return 0;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * The demo data: the estate (when the SMI is empty) and then the campaign over it, while the Credit Cover
     * parties and the modifications load beside them (they share no rows); returns once all are in.
     */
    private static void loadDemo(Platform platform) {
        java.util.concurrent.CompletableFuture<Void> estate = ResourceStack.startOnThread("secflow-demo-estate", () -> {
            if (platform.inventory().deviceCount() == 0) {
                var d = platform.config().demo();
                var r = EstateCommand.generate(platform, d.premises(), d.seed(), false);
                LOG.info("Demo estate: {} premises, {} devices in {} ms", r.premises(), r.devices(), r.millis());
            }
            DemoCampaign.start(platform);
            return null;
        });
        try {
            if (platform.creditCover().seedDemo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")))) {
                LOG.info("Demo Credit Cover parties: SUPPLIER-A, SUPPLIER-B (parent DEMO-GROUP)");
            }
            DemoModifications.load(platform);
        } catch (RuntimeException e) {
            estate.exceptionally(failed -> null).join(); // nothing may write while the platform closes
            throw e;
        }
        ResourceStack.await(estate);
    }
}
