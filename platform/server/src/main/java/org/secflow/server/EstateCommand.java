package org.secflow.server;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.secflow.inventory.EstateLoader;
import org.secflow.registration.RegistrationTables;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.EstateRequest;
import org.secflow.spi.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code secflow estate generate}: an emulated estate from the device-emulator plugin, pre-notified into the SMI. */
@Command(name = "estate", description = "Work on the emulated estate.", mixinStandardHelpOptions = true,
        subcommands = EstateCommand.Generate.class)
final class EstateCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Asks the configured device emulator for a deterministic estate and pre-notifies it into the "
                    + "Smart Metering Inventory (premises registered to the configured Supplier parties; MPANs and MPRNs of each "
                    + "region follow the registration tables of the rules directory).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--premises", required = true, paramLabel = "N", description = "Number of premises, at least 1.")
        int premises;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed; the same seed gives the same estate. Default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Mixin
        RuntimeOptions options;

        @Override
        public Integer call() {
            try (Platform platform = Platform.forEstate(options.loadConfig(), options.paths())) {
                EstateReport r = generate(platform, premises, seed, !quiet);
                System.out.printf("Generated %,d premises with %,d devices in %.1f s (%,.0f premises/s) into %s%n",
                        r.premises(), r.devices(), r.millis() / 1000.0, r.premises() * 1000.0 / Math.max(1, r.millis()),
                        platform.paths().data());
            }
            return 0;
        }
    }

    /** What one generation wrote and how long it took. */
    record EstateReport(long premises, long devices, long millis) {
    }

    /**
     * Generates {@code premises} premises with {@code seed} through the configured emulator into the SMI.
     *
     * @throws IllegalStateException when no device emulator is configured
     */
    static EstateReport generate(Platform platform, int premises, long seed, boolean progress) {
        DeviceEmulator emulator = platform.plugins().deviceEmulator()
                .orElseThrow(() -> new IllegalStateException("no device emulator is configured (plugins.deviceEmulator)"));
        var estate = platform.config().estate();
        // the estate follows the registration tables of the rules directory: MPANs of a region start with its
        // distributor ids, MPRNs lie in the ranges of its gas networks (so the ED and GT rules find them)
        RegistrationTables tables = platform.rules() != null ? org.secflow.registration.RegistrationRuleData.of(platform.rules().current())
                : RegistrationTables.load(platform.paths().rules());
        Map<Region, List<String>> distributorIds = new EnumMap<>(Region.class);
        Map<Region, List<EstateRequest.MprnRange>> mprnRanges = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            distributorIds.put(region, tables.distributorIdsIn(region));
            mprnRanges.put(region, tables.gasNetworksIn(region).stream()
                    .map(n -> new EstateRequest.MprnRange(n.mprnFrom(), n.mprnTo())).toList());
        }
        EstateRequest request = new EstateRequest(premises, seed, estate.importSuppliers(), estate.gasSuppliers(),
                estate.exportSuppliers(), distributorIds, mprnRanges);
        long start = System.nanoTime();
        EstateLoader loader = new EstateLoader(platform.database().jdbi(), java.time.Clock.systemUTC());
        // closing the loader writes the last rows and, on PostgreSQL, the tables' statistics: part of the load's time
        try (loader; ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("Estate").setInitialMax(premises).setUnit(" premises", 1).build() : null) {
            emulator.generateEstate(request, p -> {
                loader.accept(p);
                if (bar != null) {
                    bar.step();
                }
            });
        }
        return new EstateReport(loader.premisesWritten(), loader.devicesWritten(), (System.nanoTime() - start) / 1_000_000);
    }
}
