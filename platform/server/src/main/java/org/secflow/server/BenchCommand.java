package org.secflow.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.secflow.server.bench.RulesBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secflow bench rules}: benchmarks, run on purpose; they print numbers a person can compare. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (not tests).",
        subcommands = {BenchCommand.Rules.class, BenchCommand.Campaign.class})
final class BenchCommand {

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "SRV decisions per second on one thread with the full rule sets (Drools) over a request mix and over "
                    + "the request bench-http sends, and a rule base with no rules (the engine's own cost); the baseline is the rules' "
                    + "share of the CPU time one HTTP request may take at --http-rate requests/s.")
    static final class Rules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rules directory. Default: ${DEFAULT-VALUE}")
        Path rules;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Measured seconds per run (plus as much warm-up). Default: ${DEFAULT-VALUE}")
        double seconds;

        @Option(names = "--http-rate", paramLabel = "R", defaultValue = "5000",
                description = "Requests/s whose CPU time per request the bench-http decision is compared with. Default: ${DEFAULT-VALUE}")
        double httpRate;

        @Override
        public Integer call() throws Exception {
            RulesBenchmark.Result r = RulesBenchmark.run(rules, seconds, httpRate);
            System.out.printf("rules %s, 1 thread, decisions per second of its CPU time%n", r.rulesVersion());
            System.out.printf("Drools, full rule sets, mix of %d requests: %,12.0f decisions/s%n", r.facts(), r.droolsPerSecond());
            System.out.printf("Drools, full rule sets, bench-http request:  %,12.0f decisions/s (%.1f us each)%n",
                    r.httpRequestPerSecond(), r.httpDecisionMicros());
            System.out.printf("Drools, no rules at all, same mix:           %,12.0f decisions/s (the engine's own cost per decision)%n",
                    r.emptyPerSecond());
            System.out.printf("baseline: the rules' share of an HTTP request: %.1f us of the %.0f us of CPU one request may take at %,.0f requests/s"
                    + " on %d processors = %.1f %%%n", r.httpDecisionMicros(), r.requestBudgetMicros(), r.httpRate(), r.processors(),
                    100 * r.shareOfRequest());
            return 0;
        }
    }

    @Command(name = "campaign", mixinStandardHelpOptions = true,
            description = "A firmware campaign end to end (create to every device in a final state) over N emulated PPMIDs "
                    + "on the embedded HSQLDB file (or the PostgreSQL database of --database-url) with the real plugins at "
                    + "zero latency, beside the store-bound limit (the same per-device transitions as plain batched JDBC on "
                    + "the same database). Uses a fresh data folder, or an empty PostgreSQL database.")
    static final class Campaign implements Callable<Integer> {
        @Option(names = "--devices", paramLabel = "N", defaultValue = "10000", description = "Devices. Default: ${DEFAULT-VALUE}")
        int devices;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
                description = "Devices of an unmeasured campaign run first so that the JIT has compiled the platform (0: none). Default: ${DEFAULT-VALUE}")
        int warmup;

        @Option(names = "--data", paramLabel = "DIR", description = "Database folder; must not exist. Default: a new temporary folder")
        java.nio.file.Path data;

        @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins directory. Default: <distribution>/plugins")
        java.nio.file.Path plugins;

        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rules directory. Default: ${DEFAULT-VALUE}")
        java.nio.file.Path rules;

        @Option(names = "--bpmn", paramLabel = "DIR", defaultValue = "bpmn", description = "Process directory. Default: ${DEFAULT-VALUE}")
        java.nio.file.Path bpmn;

        @Option(names = "--database-url", paramLabel = "URL",
                description = "An empty PostgreSQL database to run on, e.g. jdbc:postgresql://127.0.0.1:5432/bench. Default: the embedded HSQLDB in --data")
        String databaseUrl;

        @Option(names = "--database-user", paramLabel = "NAME", defaultValue = "postgres", description = "Default: ${DEFAULT-VALUE}")
        String databaseUser;

        @Option(names = "--database-password", paramLabel = "PASSWORD", defaultValue = "", description = "Default: none")
        String databasePassword;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path dataDir = data != null ? data : java.nio.file.Files.createTempDirectory("secflow-bench-");
            java.nio.file.Path pluginDir = plugins != null ? plugins : RuntimeOptions.distributionFile("plugins");
            var zero = java.util.Map.of("latencyMs", "0");
            var zeroDevices = java.util.Map.of("latencyMs", "0", "transferTimeMs", "0", "activationTimeMs", "0");
            var config = new org.secflow.server.config.SecflowConfig(
                    databaseUrl == null ? new org.secflow.server.config.SecflowConfig.Database(null, null, null, 16)
                            : new org.secflow.server.config.SecflowConfig.Database(databaseUrl, databaseUser, databasePassword, 16),
                    new org.secflow.server.config.SecflowConfig.Plugins("dsp-reference",
                            java.util.Map.of(org.secflow.spi.Region.NORTH, "csp-north", org.secflow.spi.Region.CENTRAL,
                                    "csp-central-south", org.secflow.spi.Region.SOUTH, "csp-central-south"),
                            "device-emulator", java.util.Map.of("device-emulator", zeroDevices, "csp-north", zero, "csp-central-south", zero)),
                    null, null, null, java.util.List.of());
            try (Platform platform = Platform.forServing(config, new RuntimePaths(dataDir.toAbsolutePath(),
                    pluginDir.toAbsolutePath(), rules.toAbsolutePath(), bpmn.toAbsolutePath()));
                 me.tongfei.progressbar.ProgressBar bar = new me.tongfei.progressbar.ProgressBarBuilder()
                         .setTaskName("Campaign").setInitialMax(devices).setUnit(" devices", 1).build()) {
                System.out.printf("writing %,d premises with a hub and a PPMID each into %s (%s)%n", devices,
                        databaseUrl == null ? dataDir : databaseUrl, platform.database().describe());
                org.secflow.server.bench.CampaignBenchmark.Result r = org.secflow.server.bench.CampaignBenchmark.run(
                        platform.database().jdbi(), platform.campaigns(), platform.firmwareImages(), devices, warmup, bar::stepTo);
                bar.close();
                System.out.printf("estate: %,d devices written in %.1f s (not part of the campaign)%n", r.devices(), r.estateMillis() / 1000.0);
                if (warmup > 0) {
                    System.out.printf("warm-up: a campaign of %,d other devices first, %.1f s (not measured)%n", warmup, r.warmupMillis() / 1000.0);
                }
                System.out.printf("campaign: %,d devices, create to all final in %.1f s (%,.0f devices/s), %,d CONFIRMED%n",
                        r.devices(), r.campaignMillis() / 1000.0, r.devicesPerSecond(), r.confirmed());
                System.out.printf("max heap used: %,d MB (-Xmx %,d MB)%n", r.maxHeapUsedBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("store-bound limit (same transitions, plain batched JDBC): %.1f s; campaign at %.0f%% of it%n",
                        r.storeBoundMillis() / 1000.0, r.fractionOfStoreBound() * 100);
                return r.confirmed() == r.devices() ? 0 : 1;
            }
        }
    }
}
