package org.secflow.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleLoader;
import org.secflow.servicerequest.RuleEvaluator;
import org.secflow.servicerequest.ServiceRequestFact;

/**
 * SRV decisions per second in-process: the full rule sets through Drools against {@link PlainJavaRules}, on one
 * thread, over the same deterministic mix of requests; also checks that both decide every request alike, and
 * measures the same calls through a rule base with no rules (what a Drools session costs per decision whatever
 * the rules).
 */
public final class RulesBenchmark {
    private static final String[] ROLES = {"IS", "IS", "IS", "GS", "GS", "ED", "GT", "ES", "OU", "RSA"};
    private static final String[] TYPES = {"ESME", "GSME", "PPMID", "PPMID", "IHD", "HCALCS", "GPF", "CHF"};
    private static final String[] VARIANTS = {"B1", "B2", "B3", "B4"};
    /** Parties per role: one that the registration tables know, one that they do not. */
    private static final java.util.Map<String, String[]> PARTIES = java.util.Map.of(
            "IS", new String[] {"SUPPLIER-A", "SUPPLIER-B"}, "GS", new String[] {"SUPPLIER-B", "SUPPLIER-A"},
            "ES", new String[] {"SUPPLIER-E", "SUPPLIER-A"}, "ED", new String[] {"DNO-NORTH", "DNO-SOUTH"},
            "GT", new String[] {"GDN-NORTH", "GDN-SOUTH"}, "OU", new String[] {"OU-ENERGY-APP", "OU-OTHER"},
            "RSA", new String[] {"MOP-A", "MAM-B"});
    private static final String[] COMMON = {"11.4", "11.4", "11.2", "8.7.2", "8.2", "12.2", "4.1.1", "1.1.1"};

    /**
     * Result of one run; rates in decisions per second on one thread.
     *
     * @param emptyPerSecond the same calls through a rule base with no rules (one {@code .drl} declaring only the
     *        {@code decision} global): what the engine costs per decision before any rule is matched, the floor under
     *        {@code droolsPerSecond}
     * @param mismatches requests for which Drools and plain Java give different findings (id, message or source)
     */
    public record Result(int facts, double droolsPerSecond, double plainPerSecond, double emptyPerSecond, int mismatches,
                         String rulesVersion) {
        public double ratio() {
            return plainPerSecond / droolsPerSecond;
        }

        /** How many times faster plain Java is than the engine with no rules at all. */
        public double floorRatio() {
            return plainPerSecond / emptyPerSecond;
        }
    }

    private RulesBenchmark() {
    }

    /**
     * Runs the full rule sets, plain Java and the empty rule base, each for {@code seconds} (after a warm-up of the
     * same length) on the calling thread.
     */
    public static Result run(Path rulesDir, double seconds) throws IOException {
        RuleLoader loader = new RuleLoader(Clock.systemUTC());
        LoadedRules rules = loader.load(rulesDir);
        LoadedRules empty = emptyRuleBase(loader);
        PlainJavaRules plain = new PlainJavaRules(rulesDir);
        List<ServiceRequestFact> facts = facts(plain.srvs(), 4096, 7);
        int mismatches = 0;
        for (ServiceRequestFact f : facts) {
            if (!new HashSet<>(RuleEvaluator.evaluate(rules, f).getViolations()).equals(new HashSet<>(plain.check(f)))) {
                mismatches++;
            }
        }
        double d = measure(facts, f -> RuleEvaluator.evaluate(rules, f).getViolations().size(), seconds);
        double p = measure(facts, f -> plain.check(f).size(), seconds);
        double e = measure(facts, f -> RuleEvaluator.evaluate(empty, f).getViolations().size(), seconds);
        return new Result(facts.size(), d, p, e, mismatches, rules.version());
    }

    /** A rule base with no rules, built by the production loader from a one-file folder that declares the global. */
    private static LoadedRules emptyRuleBase(RuleLoader loader) throws IOException {
        Path dir = Files.createTempDirectory("secflow-no-rules");
        Path drl = dir.resolve("no-rules.drl");
        try {
            Files.writeString(drl, "package org.secflow.rules\nimport org.secflow.servicerequest.*\nglobal Decision decision\n");
            return loader.load(dir);
        } finally {
            Files.deleteIfExists(drl);
            Files.deleteIfExists(dir);
        }
    }

    /** Decisions per second over {@code seconds}, after an unmeasured warm-up of the same length. */
    private static double measure(List<ServiceRequestFact> facts, ToIntFunction<ServiceRequestFact> decide, double seconds) {
        rate(facts, decide, seconds);
        return rate(facts, decide, seconds);
    }

    private static double rate(List<ServiceRequestFact> facts, ToIntFunction<ServiceRequestFact> decide, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 256; i++) {
                sink += decide.applyAsInt(facts.get((int) (n++ & (facts.size() - 1))));
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** A deterministic mix of requests: mostly common SRVs, Suppliers of both parties, bridges, images. */
    static List<ServiceRequestFact> facts(List<String> srvs, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ServiceRequestFact> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ServiceRequestFact f = new ServiceRequestFact();
            f.setSrv(r.nextInt(3) == 0 ? srvs.get(r.nextInt(srvs.size())) : COMMON[r.nextInt(COMMON.length)]);
            f.setRole(ROLES[r.nextInt(ROLES.length)]);
            f.setUserParty(PARTIES.get(f.getRole())[r.nextInt(2)]);
            f.setDeviceId(String.format("00-DB-00-00-00-00-%02X-%02X", i >> 8 & 0xFF, i & 0xFF));
            f.setDeviceKnown(r.nextInt(20) != 0);
            f.setDeviceType(TYPES[r.nextInt(TYPES.length)]);
            if ("PPMID".equals(f.getDeviceType()) && r.nextInt(3) == 0) {
                f.setAltHanDevice(true);
                f.setAltHanVariant(VARIANTS[r.nextInt(4)]);
                f.setTcsoReclassified(r.nextInt(30) == 0);
            }
            boolean known = f.isDeviceKnown() || "12.2".equals(f.getSrv());
            boolean north = r.nextBoolean();
            f.setMpan(known && r.nextInt(10) != 0 ? (north ? "1500000000015" : "1200000000011") : null);
            f.setExportMpan(f.getMpan() != null && r.nextInt(10) == 0 ? "1500000000033" : null);
            f.setExportSupplier(f.getExportMpan() == null ? null : "SUPPLIER-E");
            f.setMprn(known && r.nextInt(5) != 0 ? (north ? "1234567890" : "8123456789") : null);
            f.setImportSupplier(r.nextInt(3) == 0 ? "SUPPLIER-B" : "SUPPLIER-A");
            f.setGasSupplier(r.nextInt(3) == 0 ? "SUPPLIER-A" : "SUPPLIER-B");
            f.setRequestDate(java.time.LocalDate.of(2025, 6, 2));
            f.setUpdateInProgress(r.nextInt(10) == 0);
            f.setFirmwareImageGiven(r.nextInt(10) != 0);
            f.setImageKnown(f.isFirmwareImageGiven() && r.nextInt(10) != 0);
            f.setImageApplicable(f.isImageKnown() && r.nextInt(8) != 0);
            f.setCommsHubId("00-DB-00-00-00-01-00-00");
            f.setType1DevicesOnHub(r.nextInt(7));
            f.setAddsType1Device(r.nextBoolean());
            out.add(f);
        }
        return out;
    }
}
