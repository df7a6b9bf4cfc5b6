package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The build fails when the README, docs, rules, processes, examples, sources (main and test) or the command line's
 * help cite a private copy of a SEC document by file name or an internal note instead of the public document
 * (docs/sources.md), or speak of the work process (work-tracker items, work sessions) instead of the product.
 * {@link ProductWording} holds the rules; the fixtures under {@code product-wording/} show what they catch and what
 * they let pass (the Drools {@code KieSession}, "issuer", "Issue Security Credentials").
 *
 * <p>Left out: Flyway's SQL migrations ({@code src/main/resources/db/}), because Flyway checksums a migration's whole
 * text, comments included, and refuses to start on a database whose applied migrations changed; their comments stay
 * as shipped. Also left out: this check's own sources and fixtures, build output and installed npm packages.
 */
class ProductWordingTest {
    private static final Path ROOT = Path.of(System.getProperty("secflow.root", "../..")).toAbsolutePath().normalize();
    private static final List<String> SCANNED = List.of("README.md", "pom.xml", "docs", "rules", "bpmn", "examples",
            "platform", "plugins");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "product-wording");
    private static final Set<String> SKIPPED_FILES = Set.of("package-lock.json", "ProductWording.java",
            "ProductWordingTest.java");

    @Test
    void theShippedTextCitesPublicDocumentsAndSpeaksOfTheProduct() throws IOException {
        List<ProductWording.Finding> findings = new ArrayList<>();
        int files = 0;
        for (String top : SCANNED) {
            Path start = ROOT.resolve(top);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                for (Path p : walk.filter(ProductWordingTest::scanned).toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    if (isText(bytes)) {
                        files++;
                        findings.addAll(ProductWording.check(ROOT.relativize(p).toString(), new String(bytes, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(files).as("files scanned under " + ROOT).isGreaterThan(300);
        assertThat(findings).as("wording the product must not use (cite docs/sources.md titles; speak of the product)")
                .isEmpty();
    }

    @Test
    void theCommandLineHelpSpeaksOfTheProduct() {
        List<ProductWording.Finding> findings = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        collectHelp(new CommandLine(new SecflowCli()), findings, commands);
        assertThat(commands).as("commands whose help was read").contains("secflow", "secflow serve", "secflow bench rules",
                "secflow campaign run");
        assertThat(findings).isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfForbiddenWordingInItsFixture() throws IOException {
        List<ProductWording.Finding> findings = ProductWording.check("forbidden.txt", fixture("forbidden.txt"));
        assertThat(findings).extracting(f -> f.line() + " " + f.rule()).containsExactly(
                "1 source-copy-file-name",
                "2 source-copy-number",
                "3 internal-note",
                "4 internal-note",
                "4 internal-note",
                "5 internal-note",
                "6 work-item",
                "6 work-item",
                "7 work-item",
                "8 work-item",
                "9 work-item",
                "10 work-session",
                "11 work-session",
                "12 work-session");
        assertThat(findings.get(0).toString()).isEqualTo("forbidden.txt:1: source-copy-file-name: \"004_4621c6eb08935939.txt\"");
    }

    @Test
    void theCheckLetsTheDroolsSessionAndOtherSensesOfIssuePass() throws IOException {
        assertThat(ProductWording.check("allowed.txt", fixture("allowed.txt"))).isEmpty();
    }

    private static void collectHelp(CommandLine cmd, List<ProductWording.Finding> findings, List<String> commands) {
        String name = cmd.getCommandSpec().qualifiedName();
        commands.add(name);
        findings.addAll(ProductWording.check(name + " --help", cmd.getUsageMessage(CommandLine.Help.Ansi.OFF)));
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> collectHelp(sub, findings, commands));
    }

    private static boolean scanned(Path p) {
        if (!Files.isRegularFile(p) || SKIPPED_FILES.contains(p.getFileName().toString())) {
            return false;
        }
        String unix = ROOT.relativize(p).toString().replace('\\', '/');
        if (unix.contains("/src/main/resources/db/") && unix.endsWith(".sql")) {
            return false; // Flyway checksums the whole file: see the class comment
        }
        for (Path part : ROOT.relativize(p)) {
            String s = part.toString();
            if (SKIPPED_DIRS.contains(s) || s.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return bytes.length < 4_000_000;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ProductWordingTest.class.getResourceAsStream("/product-wording/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
