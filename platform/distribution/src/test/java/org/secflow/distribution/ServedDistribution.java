package org.secflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.secflow.testkit.TestDatabase;

/**
 * The built distribution's {@code bin/secflow serve --demo} as the kill tests drive it: started on one port and one
 * data folder ({@code <data>/db}, so a restart finds the same data), called over HTTP with the demo Users' tokens.
 * Shared by the integration tests that kill the real server process and start it again.
 */
final class ServedDistribution {
    /** The built distribution ({@code -Dsecflow.dist}, default {@code target/secflow} of the repository). */
    static final Path DIST = Path.of(System.getProperty("secflow.dist", "../../target/secflow"));
    /** The repository: the working directory of the server, where it finds rules/ and bpmn/. */
    static final Path REPO = Path.of(System.getProperty("secflow.repo", "../.."));
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param data the test's folder: the database under {@code db}, each start's log beside it
     * @param port the HTTP port every start uses
     */
    ServedDistribution(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** The distribution's configuration with {@code database} set to {@code db}. */
    static String onDatabase(String yaml, TestDatabase db) {
        String changed = yaml.replaceFirst("(?m)^  url: .*$", "  url: " + db.url())
                .replaceFirst("(?m)^  username: .*$", "  username: " + db.username())
                .replaceFirst("(?m)^  password: .*$", "  password: \"" + db.password() + "\"");
        assertThat(changed).contains("url: " + db.url());
        return changed;
    }

    /** Starts {@code bin/secflow serve --demo} with {@code config}, its output in {@code <data>/<logName>}. */
    Process serve(Path config, String logName) throws IOException {
        List<String> cmd = List.of(DIST.resolve("bin/secflow").toString(), "serve", "--demo", "--port",
                String.valueOf(port), "--config", config.toString(), "--data", data.resolve("db").toString());
        return new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve(logName).toFile()).start();
    }

    /** One API call as the User of {@code token} (body JSON or null), answered within 30 s. */
    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until {@code GET /api/health} answers 200.
     *
     * @throws AssertionError with the start's log when the process ends or {@code timeout} passes first
     */
    void awaitHealthy(Process p, String logName, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
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

    /**
     * The demo campaign (started at the first start) would hold the devices of its model (a device is in one running
     * campaign at most) and the CSPs' slots: cancelled, and waited for until it has ended.
     */
    void cancelTheDemoCampaign() throws Exception {
        JsonNode list = JSON.readTree(call("GET", "/api/campaigns", "demo-supplier-a", null).body());
        JsonNode items = list.isArray() ? list : list.path("items");
        for (JsonNode c : items) {
            String demo = c.path("campaignId").asText();
            call("POST", "/api/campaigns/" + demo + "/cancel", "demo-supplier-a", null);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (!List.of("CANCELLED", "COMPLETED").contains(campaign(demo).path("state").asText())) {
                assertThat(System.nanoTime()).as("the demo campaign ended: %s", campaign(demo)).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    /** The campaign as Supplier A sees it. */
    JsonNode campaign(String id) throws Exception {
        return JSON.readTree(call("GET", "/api/campaigns/" + id, "demo-supplier-a", null).body());
    }
}
