package org.secflow.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.secflow.server.config.OidcConfig;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiResponseValidator;
import org.secflow.server.http.ApiServer;
import org.secflow.testkit.TestDatabase;

/**
 * A real server for HTTP tests: an in-memory HSQLDB, no plugins, the given rules folder and Users, on a random
 * port; {@link #send} makes real HTTP calls with a bearer token. Close it after the test.
 */
final class TestServer implements AutoCloseable {
    private final Platform platform;
    private final Javalin app;
    private final TestDatabase database;
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiResponseValidator described;

    private TestServer(Platform platform, Javalin app, TestDatabase database) {
        this.platform = platform;
        this.database = database;
        this.app = app;
    }

    /** Copies the repository's rules/ into {@code dir/rules}, so that a test may edit them. */
    static Path copyOfRules(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("secflow.rules", "../../rules")))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }

    /** Starts the platform and the API over {@code rules}, with {@code users}; data and plugins under {@code dir}. */
    static TestServer start(Path dir, Path rules, List<SecflowConfig.UserEntry> users) throws IOException {
        return start(dir, rules, users, null);
    }

    /** As {@link #start(Path, Path, List)}, also taking OpenID Connect access tokens when {@code oidc} is not null. */
    static TestServer start(Path dir, Path rules, List<SecflowConfig.UserEntry> users, OidcConfig oidc) throws IOException {
        TestDatabase testDatabase = TestDatabases.fresh();
        var config = new SecflowConfig(
                TestDatabases.config(testDatabase, 8),
                new SecflowConfig.Plugins(null, Map.of(), null, Map.of()), null, null, null, users, null, oidc);
        Platform platform;
        try {
            platform = Platform.forServing(config,
                    new RuntimePaths(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")), rules, dir));
        } catch (RuntimeException e) {
            testDatabase.close();
            throw e;
        }
        return new TestServer(platform, ApiServer.create(platform).start(0), testDatabase);
    }

    Platform platform() {
        return platform;
    }

    /** The running Javalin app (its routes can be listed). */
    Javalin app() {
        return app;
    }

    /** Base URL of the running API, e.g. {@code http://localhost:41234}. */
    String url() {
        return "http://localhost:" + app.port();
    }

    /**
     * A real HTTP call: JSON body (or none) and {@code Authorization: Bearer <token>}. The answer is checked against the
     * API's OpenAPI description ({@link ApiResponseValidator}); one that departs from it fails the test.
     */
    HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = sendUnchecked(method, path, token, body);
        List<String> problems = described().problems(method, path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer departs from the API description: " + problems + "; body: "
                    + (response.body().length() > 500 ? response.body().substring(0, 500) + "..." : response.body()));
        }
        return response;
    }

    private synchronized ApiResponseValidator described() {
        if (described == null) {
            described = ApiResponseValidator.of(url());
        }
        return described;
    }

    /** As {@link #send}, without checking the answer against the description. */
    HttpResponse<String> sendUnchecked(String method, String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.stop();
        platform.close();
        database.close();
    }
}
