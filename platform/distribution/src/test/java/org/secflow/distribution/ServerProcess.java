package org.secflow.distribution;

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

/**
 * The real server of the built distribution ({@code bin/secflow serve --demo}) as the end-to-end tests start, call
 * and kill it: one port, picked free when created, and one data folder ({@code <data>/db}) that every process started
 * here shares, so a test can kill one (SIGKILL, {@link Process#destroyForcibly}) and start the next on what it left.
 */
final class ServerProcess {
    static final Path DIST = Path.of(System.getProperty("secflow.dist", "../../target/secflow"));
    static final Path REPO = Path.of(System.getProperty("secflow.repo", "../.."));

    private final Path data;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A server on a free port, its database and plugin data under {@code data/db}, its logs in {@code data}. */
    ServerProcess(Path data) throws IOException {
        this.data = data;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** Starts {@code secflow serve --demo} with {@code config}; output goes to {@code data/<logName>}. */
    Process serve(Path config, String logName) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/secflow").toString(), "serve", "--demo", "--port",
                String.valueOf(port), "--config", config.toString(), "--data", data.resolve("db").toString()));
        return new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve(logName).toFile()).start();
    }

    /** One HTTP call with a bearer token; {@code body} null for none; 30 s timeout. */
    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits up to 120 s for {@code /api/health}; fails with the log when the process ends or time runs out. */
    void awaitHealthy(Process p, String logName) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (call("GET", "/api/health", "demo-admin", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("server never became healthy; log:\n" + Files.readString(data.resolve(logName)));
    }
}
