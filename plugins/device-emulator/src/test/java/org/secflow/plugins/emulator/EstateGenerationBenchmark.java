package org.secflow.plugins.emulator;

import java.util.List;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.EstateRequest;
import org.secflow.testkit.FakeProviderContext;

/**
 * Times the generation of an estate (default 100,000 premises) and prints premises, devices and milliseconds. A
 * benchmark, not a test: run it on purpose, e.g.
 * {@code mvn -pl plugins/device-emulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.secflow.plugins.emulator.EstateGenerationBenchmark -Dexec.args=100000}.
 * Three warm-up rounds precede the timed ones; the sink only counts devices.
 */
public final class EstateGenerationBenchmark {

    private EstateGenerationBenchmark() {
    }

    public static void main(String[] args) {
        int premises = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EstateRequest request = new EstateRequest(premises, 42, List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("GAS-X"));
        try (FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID)) {
            DeviceEmulator emulator = new HanEmulatorFactory().create(context);
            for (int round = 1; round <= 6; round++) {
                long[] devices = new long[1];
                long start = System.nanoTime();
                emulator.generateEstate(request, p -> devices[0] += 2 + p.devices().size());
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println((round <= 3 ? "warm-up " : "timed   ") + "round " + round + ": " + premises
                        + " premises, " + devices[0] + " devices in " + millis + " ms ("
                        + (premises * 1000L / Math.max(1, millis)) + " premises/s)");
            }
        }
    }
}
