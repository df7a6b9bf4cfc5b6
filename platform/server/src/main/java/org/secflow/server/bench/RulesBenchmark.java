package org.secflow.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleLoader;
import org.secflow.servicerequest.RuleEvaluator;
import org.secflow.servicerequest.ServiceRequestFact;

/**
 * SRV decisions per CPU-second in-process, on one thread: the full rule sets through Drools over a deterministic mix of
 * requests, the request {@code bench-http} sends (SRV 8.2 by the Import Supplier for its own ESME) alone, and the same
 * calls through a rule base with no rules (what a Drools session costs per decision whatever the rules).
 *
 * <p>The baseline is the rules' share of an HTTP request, not a second implementation of the rules: the time of one
 * {@code bench-http} decision against the CPU time one request may take at {@code httpRate} requests per second on
 * this machine's processors. A hand-written re-implementation of the rules, the baseline before, drifted from them as
 * rules changed (73 of 4,096 decisions differed); this one cannot, since it runs the rules themselves.
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
    /** The SRV column of a rule row of {@code srv-applicability.drl.csv}: second cell, a dotted SRV number. */
    private static final Pattern SRV_ROW = Pattern.compile("^\"(?:[^\"]|\"\")*\",\"(\\d{1,2}(?:\\.\\d{1,2}){1,2})\",");

    /**
     * Result of one run; rates in decisions per second of the measuring thread's CPU time.
     *
     * @param droolsPerSecond the full rule sets over the mix of requests
     * @param httpRequestPerSecond the full rule sets deciding the request {@code bench-http} sends, alone
     * @param emptyPerSecond the same calls through a rule base with no rules (one {@code .drl} declaring only the
     *        {@code decision} global): what the engine costs per decision before any rule is matched, the floor under
     *        {@code droolsPerSecond}
     * @param httpRate requests per second the share is taken of (the HTTP target)
     * @param processors processors the HTTP server shares (this machine's)
     */
    public record Result(int facts, double droolsPerSecond, double httpRequestPerSecond, double emptyPerSecond,
                         double httpRate, int processors, String rulesVersion) {
        /** Microseconds of one {@code bench-http} decision. */
        public double httpDecisionMicros() {
            return 1e6 / httpRequestPerSecond;
        }

        /** Microseconds of CPU one HTTP request may take at {@code httpRate} on {@code processors}. */
        public double requestBudgetMicros() {
            return 1e6 * processors / httpRate;
        }

        /** The rules' share of an HTTP request at {@code httpRate}: decision time over the request's CPU budget. */
        public double shareOfRequest() {
            return httpDecisionMicros() / requestBudgetMicros();
        }
    }

    private RulesBenchmark() {
    }

    /**
     * Runs the full rule sets over the mix, over the {@code bench-http} request, and the empty rule base, each for
     * {@code seconds} (after a warm-up of the same length) on the calling thread.
     *
     * @param httpRate requests per second whose CPU budget per request the {@code bench-http} decision is compared with
     */
    public static Result run(Path rulesDir, double seconds, double httpRate) throws IOException {
        RuleLoader loader = new RuleLoader(Clock.systemUTC());
        LoadedRules rules = loader.load(rulesDir);
        LoadedRules empty = emptyRuleBase(loader);
        List<ServiceRequestFact> facts = facts(srvs(rulesDir), 4096, 7);
        List<ServiceRequestFact> http = httpRequests(4096, 11);
        for (ServiceRequestFact f : http) {
            if (!RuleEvaluator.evaluate(rules, f).isAccepted()) {
                throw new IllegalStateException("the rules reject the bench-http request " + f.getSrv() + " for " + f.getDeviceId()
                        + ": " + RuleEvaluator.evaluate(rules, f).getViolations());
            }
        }
        double d = measure(facts, f -> RuleEvaluator.evaluate(rules, f).getViolations().size(), seconds);
        double h = measure(http, f -> RuleEvaluator.evaluate(rules, f).getViolations().size(), seconds);
        double e = measure(facts, f -> RuleEvaluator.evaluate(empty, f).getViolations().size(), seconds);
        return new Result(facts.size(), d, h, e, httpRate, Runtime.getRuntime().availableProcessors(), rules.version());
    }

    /** The SRVs of the SRV applicability decision table ({@code srv-applicability.drl.csv}), in table order. */
    static List<String> srvs(Path rulesDir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(rulesDir.resolve("srv-applicability.drl.csv"))) {
            Matcher m = SRV_ROW.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no SRV rows in " + rulesDir.resolve("srv-applicability.drl.csv"));
        }
        return out;
    }

    /**
     * The request {@code bench-http} sends, as the service builds its fact: SRV 8.2 by SUPPLIER-A in role IS for an
     * ESME of a premises it supplies (North or South MPAN), on distinct device ids.
     */
    static List<ServiceRequestFact> httpRequests(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ServiceRequestFact> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ServiceRequestFact f = new ServiceRequestFact();
            f.setSrv("8.2");
            f.setRole("IS");
            f.setUserParty("SUPPLIER-A");
            f.setDeviceId(String.format("00-DB-00-00-01-00-%02X-%02X", i >> 8 & 0xFF, i & 0xFF));
            f.setDeviceKnown(true);
            f.setDeviceType("ESME");
            f.setMpan(r.nextBoolean() ? "1500000000015" : "1200000000011");
            f.setMprn(r.nextBoolean() ? "1234567890" : null);
            f.setImportSupplier("SUPPLIER-A");
            f.setGasSupplier(f.getMprn() == null ? null : "SUPPLIER-B");
            f.setCommsHubId(String.format("00-DB-00-00-02-00-%02X-%02X", i >> 8 & 0xFF, i & 0xFF));
            f.setRequestDate(java.time.LocalDate.of(2025, 6, 2));
            out.add(f);
        }
        return out;
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

    /**
     * Decisions per second of the measuring thread's CPU time over {@code seconds} of wall time, after an unmeasured
     * warm-up of the same length. CPU time, not wall time: on a machine shared with other work the thread is descheduled
     * for a varying part of the run, which a wall-clock rate would count as the engine's.
     */
    private static double measure(List<ServiceRequestFact> facts, ToIntFunction<ServiceRequestFact> decide, double seconds) {
        rate(facts, decide, seconds);
        return rate(facts, decide, seconds);
    }

    private static double rate(List<ServiceRequestFact> facts, ToIntFunction<ServiceRequestFact> decide, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpuStart = threads.getCurrentThreadCpuTime();
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
        return n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
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
