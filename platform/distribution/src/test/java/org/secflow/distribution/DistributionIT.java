package org.secflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution as a user runs it: {@code target/secflow/bin/secflow} in a real process, the real plugin
 * jars from {@code target/secflow/plugins/}, real HTTP.
 */
class DistributionIT {
    private static final Path DIST = Path.of(System.getProperty("secflow.dist", "../../target/secflow"));
    private static final Path REPO = Path.of(System.getProperty("secflow.repo", "../.."));

    @TempDir
    Path data;

    private Process secflow(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/secflow").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void serveDemoAnswersHealthWithTheFourPluginsLoadedAndADemoEstate() throws Exception {
        int port = freePort();
        Path log = data.resolve("serve.log");
        Process p = secflow(log, "serve", "--demo", "--port", String.valueOf(port), "--data", data.resolve("db").toString());
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/health"))
                    .header("Authorization", "Bearer demo-admin").timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(r).as("health answered; log:%n%s", Files.exists(log) ? Files.readString(log) : "").isNotNull();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"loaded\":4").contains("\"refused\":0")
                    .contains("\"premises\":2000");

            HttpResponse<String> plugins = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plugins"))
                    .header("Authorization", "Bearer demo-admin").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plugins.body()).contains("\"id\":\"csp-north\"").contains("\"id\":\"csp-central-south\"")
                    .contains("\"id\":\"dsp-reference\"").contains("\"id\":\"device-emulator\"")
                    .contains("\"selectedFor\":[\"csp.CENTRAL\",\"csp.SOUTH\"]");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code serve --check} starts everything and stops with status 0, and the build's class-data archive is one this
     * JVM maps: {@code -Xshare:on} makes the JVM refuse to start when it cannot use the archive, where the launcher's
     * own {@code -Xshare:auto} would quietly start without it.
     */
    @Test
    void serveCheckStartsOnTheBuildsClassDataArchiveAndStops() throws Exception {
        Path archive = DIST.resolve("lib/secflow.jsa");
        assertThat(archive).as("bin/secflow-cds, run by the build, writes the archive; see the build's output").exists();
        Path log = data.resolve("check.log");
        List<String> cmd = List.of(DIST.resolve("bin/secflow").toString(), "serve", "--check", "--demo", "--port", "0",
                "--data", data.resolve("db").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", "-Xshare:on");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("serve --check stopped by itself").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as("exit status; log:%n%s", out).isZero();
        assertThat(out).contains("stopping (--check)").contains("Demo estate: 2000 premises");
        assertThat(Files.exists(data.resolve("db"))).isTrue();
    }

    @Test
    void estateGenerateLoadsADeterministicEstateThroughTheDeviceEmulatorPlugin() throws Exception {
        Path log = data.resolve("estate.log");
        Process p = secflow(log, "estate", "generate", "--premises", "1500", "--seed", "7", "--quiet", "--data", data.resolve("db").toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("Generated 1,500 premises with [0-9,]+ devices");
    }

    @Test
    void stopsStartUpNamingAConfiguredProviderThatIsMissingAndTheCandidates() throws Exception {
        Path config = data.resolve("secflow.yaml");
        Files.writeString(config, Files.readString(DIST.resolve("conf/secflow.yaml")).replace("dsp: dsp-reference", "dsp: dsp-elsewhere"));
        Path log = data.resolve("missing.log");
        Process p = secflow(log, "serve", "--port", String.valueOf(freePort()), "--config", config.toString(), "--data", data.resolve("db").toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("'dsp-elsewhere'").contains("candidates: [dsp-reference]");
    }
}
