package org.secflow.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Builds a rule base at run time from every rule file of a rules directory: {@code *.drl} and decision tables
 * {@code *.drl.xlsx}, {@code *.drl.xls}, {@code *.drl.csv}. No kmodule.xml and nothing compiled into a jar.
 *
 * <p>A spreadsheet not named {@code *.drl.*} is refused (Drools would silently ignore it);
 * scenario tables {@code *.cases.csv}, plain CSV data tables without the keyword {@code RuleTable} (e.g.
 * {@code sec-releases.csv}) and other files (README) are not rules and are skipped. Any error refuses
 * the whole directory with file, line and message.
 *
 * <p>Data tables the rules read ({@link RuleData}, e.g. the registration tables) are loaded with the rules, count
 * in the version, are listed among the files as {@code DATA_TABLE}, and reach the rules as their global in every
 * session. A bad row refuses the directory like a bad rule. When the rules declare a data global its tables must be
 * there; otherwise missing tables are empty.
 *
 * <p>About 360 lines, kept whole: the steps of one load (list, refuse misnamed spreadsheets, build, check collector
 * patterns, load the data tables, version) share the directory's file map and refuse as one; error
 * locating is already {@link RuleErrorLocator}, the KieSession set-up {@link RuleSessions}.
 */
public final class RuleLoader {
    private static final AtomicLong BUILDS = new AtomicLong();
    private final Clock clock;
    private final DecisionLimits limits;
    /** Class name to global name, from every {@link RuleFeature#globalOnlyTypes()}. */
    private final Map<String, String> globalOnlyTypes;
    private final List<RuleData> ruleData = RuleData.installed();
    private final RuleTimings timings = new RuleTimings();

    /** How long firings of every version this loader loaded took. */
    public RuleTimings timings() {
        return timings;
    }

    /** A loader whose rule bases decide within {@link DecisionLimits#DEFAULTS}. */
    public RuleLoader(Clock clock) {
        this(clock, DecisionLimits.DEFAULTS);
    }

    /** A loader whose rule bases decide within {@code limits}. */
    public RuleLoader(Clock clock, DecisionLimits limits) {
        this(clock, limits, RuleFeature.installed());
    }

    /**
     * A loader whose rule bases decide within {@code limits} and refuse a rule that matches a global-only type of
     * {@code features} as a fact.
     */
    public RuleLoader(Clock clock, DecisionLimits limits, List<RuleFeature> features) {
        this.clock = clock;
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        Map<String, String> types = new java.util.HashMap<>();
        features.forEach(f -> types.putAll(f.globalOnlyTypes()));
        this.globalOnlyTypes = Map.copyOf(types);
    }

    /**
     * Builds the rule base of {@code dir}.
     *
     * @throws RuleLoadException with every error (file, line, message); nothing is half-built
     */
    public LoadedRules load(Path dir) {
        Map<String, byte[]> files = read(dir);
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId release = ks.newReleaseId("org.secflow", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Resource r = ks.getResources().newByteArrayResource(f.getValue()).setSourcePath("rules/" + f.getKey());
            if (isDecisionTable(f.getKey())) {
                DecisionTableConfiguration dtc = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                dtc.setInputType(f.getKey().endsWith(".csv") ? DecisionTableInputType.CSV : DecisionTableInputType.XLS);
                r.setResourceType(ResourceType.DTABLE);
                r.setConfiguration(dtc);
            } else {
                r.setResourceType(ResourceType.DRL);
            }
            kfs.write("src/main/resources/org/secflow/rules/" + f.getKey(), r);
        }
        List<RuleError> errors = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            // the decision-table parser throws instead of reporting, its message naming the cell ("... cell C6")
            String file = guessFile(e, files);
            throw new RuleLoadException(List.of(RuleErrorLocator.locate(file, files.get(file), 0, 0, rootMessage(e))));
        }
        List<String> nullPackage = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = fileOf(m.getPath());
            String text = m.getText().trim();
            if (text.contains("Parser returned a null Package")) {
                nullPackage.add(file); // Drools' echo of a parse error already reported with its line
                continue;
            }
            errors.add(RuleErrorLocator.locate(file, files.get(file), Math.max(0, m.getLine()), m.getColumn(), text));
        }
        for (String file : nullPackage) {
            if (errors.stream().noneMatch(e -> e.file().equals(file))) {
                errors.add(new RuleError(file, 0, "the file could not be parsed"));
            }
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(release);
            throw new RuleLoadException(errors);
        }
        KieContainer container = ks.newKieContainer(release);
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(release);
        List<RuleError> misuse = collectorPatterns(base, files);
        if (!misuse.isEmpty()) {
            container.dispose();
            throw new RuleLoadException(misuse);
        }
        Set<String> globals = globals(base);
        Map<String, byte[]> dataTables = dataTables(dir);
        Map<String, Object> data = new TreeMap<>();
        Map<String, Object> sessionGlobals = new java.util.HashMap<>();
        for (RuleData d : ruleData) {
            boolean present = d.files().stream().anyMatch(dataTables::containsKey);
            Object tables;
            try {
                tables = globals.contains(d.global()) || present ? d.load(dir) : d.empty();
            } catch (org.secflow.rules.scenario.DataTableException e) {
                container.dispose();
                throw new RuleLoadException(List.of(new RuleError(e.file(), (int) e.line(), e.problem())));
            }
            data.put(d.global(), tables);
            if (globals.contains(d.global())) {
                sessionGlobals.put(d.global(), tables);
            }
        }
        Map<String, byte[]> all = new TreeMap<>(files);
        all.putAll(dataTables);
        List<RuleFileInfo> infos = new ArrayList<>(infos(base, files));
        dataTables.forEach((name, bytes) -> infos.add(new RuleFileInfo(name, "DATA_TABLE", 0, sha256(bytes))));
        return new LoadedRules(base, ThreadLocal.withInitial(() -> RuleSessions.newSession(base, sessionGlobals)), version(all),
                clock.instant(), List.copyOf(infos), globals, java.util.Collections.unmodifiableMap(data), limits,
                new RuleFaults(clock), timings);
    }

    /** The data tables ({@link RuleData#files()}) present in {@code dir}, by name. */
    private Map<String, byte[]> dataTables(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : ruleData.stream().flatMap(d -> d.files().stream()).toList()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    out.put(name, Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new RuleLoadException(List.of(new RuleError(name, 0, "cannot read: " + e.getMessage())));
                }
            }
        }
        return out;
    }

    private static Map<String, byte[]> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleLoadException(List.of(new RuleError(dir.toString(), 0, "rules directory does not exist")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        List<RuleError> refused = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".cases.csv")) {
                    continue;
                }
                if (lower.endsWith(".drl") || isDecisionTable(lower)) {
                    files.put(name, Files.readAllBytes(p));
                } else if (lower.endsWith(".csv") && isDataTable(p)) {
                    continue;
                } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv")) {
                    refused.add(new RuleError(name, 0, "a decision table must be named *.drl.xlsx, *.drl.xls or *.drl.csv "
                            + "(Drools silently ignores any other name); scenario tables are *.cases.csv"));
                }
            }
        } catch (IOException e) {
            throw new RuleLoadException(List.of(new RuleError(dir.toString(), 0, "cannot read: " + e.getMessage())));
        }
        if (!refused.isEmpty()) {
            throw new RuleLoadException(refused);
        }
        if (files.isEmpty()) {
            throw new RuleLoadException(List.of(new RuleError(dir.toString(), 0, "no rule file (*.drl, *.drl.xlsx, *.drl.csv)")));
        }
        return files;
    }

    /**
     * A plain CSV data table that a feature reads itself (e.g. {@code sec-releases.csv}, org.secflow.modification):
     * not rules, so skipped. One carrying the decision-table keyword {@code RuleTable} is a misnamed decision table
     * and stays refused.
     */
    private static boolean isDataTable(Path csv) throws IOException {
        return !Files.readString(csv, StandardCharsets.UTF_8).contains("RuleTable");
    }

    static boolean isDecisionTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls") || lower.endsWith(".drl.csv");
    }

    /**
     * Rules that match a result collector ({@link RuleFeature#globalOnlyTypes()}) as a fact. The collector is handed to the
     * session as a global and never inserted, so such a rule would compile and silently never fire.
     */
    private List<RuleError> collectorPatterns(KieBase base, Map<String, byte[]> files) {
        List<RuleError> errors = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl impl)) {
                    continue;
                }
                String type = collectorType(impl.getLhs());
                if (type != null) {
                    String file = impl.getResource() == null ? "?" : fileOf(impl.getResource().getSourcePath());
                    String global = globalOnlyTypes.get(type);
                    String simple = type.substring(type.lastIndexOf('.') + 1);
                    errors.add(new RuleError(file, ruleLine(files.get(file), rule.getName()), "rule \"" + rule.getName()
                            + "\" matches " + simple + "() as a fact, but it is never inserted, so the rule would never "
                            + "fire; declare 'global " + simple + " " + global + "' and call " + global + ".reject(...)"));
                }
            }
        }
        return errors;
    }

    private String collectorType(RuleConditionElement element) {
        if (element instanceof Pattern pattern && globalOnlyTypes.containsKey(pattern.getObjectType().getClassName())) {
            return pattern.getObjectType().getClassName();
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            String found = collectorType(nested);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Set<String> globals(KieBase base) {
        Set<String> names = new TreeSet<>();
        for (KiePackage pkg : base.getKiePackages()) {
            pkg.getGlobalVariables().forEach(g -> names.add(g.getName()));
        }
        return Set.copyOf(names);
    }

    /** 1-based line of {@code rule "name"} in a DRL file; 0 when not found (decision tables). */
    static int ruleLine(byte[] file, String ruleName) {
        if (file == null) {
            return 0;
        }
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("rule") && (line.contains("\"" + ruleName + "\"") || line.contains("'" + ruleName + "'")
                    || line.replaceFirst("^rule\\s+", "").split("\\s")[0].equals(ruleName))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<RuleFileInfo> infos(KieBase base, Map<String, byte[]> files) {
        Map<String, Integer> counts = new TreeMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && impl.getResource() != null) {
                    counts.merge(fileOf(impl.getResource().getSourcePath()), 1, Integer::sum);
                }
            }
        }
        List<RuleFileInfo> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(new RuleFileInfo(name, isDecisionTable(name) ? "DECISION_TABLE" : "DRL",
                counts.getOrDefault(name, 0), sha256(bytes))));
        return out;
    }

    private static String version(Map<String, byte[]> files) {
        MessageDigest md = digest();
        files.forEach((name, bytes) -> {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(bytes);
        });
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileOf(String path) {
        if (path == null) {
            return "?";
        }
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    private static String guessFile(RuntimeException e, Map<String, byte[]> files) {
        String msg = String.valueOf(rootMessage(e));
        return files.keySet().stream().filter(msg::contains).findFirst()
                .orElse(files.keySet().stream().filter(RuleLoader::isDecisionTable).findFirst().orElse("?"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
