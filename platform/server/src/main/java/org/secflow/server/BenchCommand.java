package org.secflow.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.secflow.server.bench.RulesBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secflow bench rules}: benchmarks, run on purpose; they print numbers a person can compare. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (not tests).",
        subcommands = BenchCommand.Rules.class)
final class BenchCommand {

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "SRV decisions per second on one thread with the full rule sets (Drools) beside a plain-Java "
                    + "implementation of the same checks, over the same request mix; checks both decide alike.")
    static final class Rules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rules directory. Default: ${DEFAULT-VALUE}")
        Path rules;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Measured seconds per engine (plus as much warm-up). Default: ${DEFAULT-VALUE}")
        double seconds;

        @Override
        public Integer call() throws Exception {
            RulesBenchmark.Result r = RulesBenchmark.run(rules, seconds);
            System.out.printf("rules %s, %d distinct requests, 1 thread%n", r.rulesVersion(), r.facts());
            System.out.printf("Drools (full rule sets): %,12.0f decisions/s%n", r.droolsPerSecond());
            System.out.printf("plain Java (same checks): %,12.0f decisions/s%n", r.plainPerSecond());
            System.out.printf("plain Java / Drools: %.1fx; decisions that differ: %d%n", r.ratio(), r.mismatches());
            return r.mismatches() == 0 ? 0 : 1;
        }
    }
}
