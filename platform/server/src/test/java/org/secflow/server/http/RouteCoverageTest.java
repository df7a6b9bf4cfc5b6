package org.secflow.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.AccessPolicy;
import org.secflow.server.Platform;
import org.secflow.server.RuntimePaths;
import org.secflow.server.config.SecflowConfig;
import org.secflow.store.DatabaseSettings;

/** Every route the server registers declares an access policy; a route added without one is found and closed. */
class RouteCoverageTest {
    @TempDir
    Path dir;

    private Platform platform;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 2),
                new SecflowConfig.Plugins(null, Map.of(), null, Map.of()), null, null, null, SecflowConfig.builtIn().users());
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Path.of(System.getProperty("secflow.rules", "../../rules")), Path.of(System.getProperty("secflow.bpmn", "../../bpmn"))));
        app = ApiServer.create(platform);
    }

    @AfterEach
    void stop() {
        app.stop();
        platform.close();
    }

    @Test
    void everyRegisteredRouteDeclaresAnAccessPolicy() {
        List<RoutePolicy.Route> routes = RoutePolicy.routes(app);
        assertThat(routes).hasSizeGreaterThan(40);
        assertThat(routes).allSatisfy(r -> assertThat(r.policy()).as(r.method() + " " + r.path()).isNotNull());
        assertThat(RoutePolicy.undeclared(app)).isEmpty();
    }

    @Test
    void aRouteAddedWithoutAPolicyIsFoundRefusedAtStartAndClosedOverHttp() throws Exception {
        app.get("/api/fixture/undeclared", ctx -> ctx.result("open"));
        app.get("/api/fixture/declared", ctx -> ctx.result("open"), RoutePolicy.of(AccessPolicy.MODIFICATION_READ));

        assertThat(RoutePolicy.undeclared(app)).containsExactly("GET /api/fixture/undeclared");
        assertThatThrownBy(() -> ApiServer.requireDeclaredPolicies(app)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/fixture/undeclared");

        app.start(0);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> undeclared = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/api/fixture/undeclared")).header("Authorization", "Bearer demo-admin").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(undeclared.statusCode()).as("a route without a policy is closed, even to an admin").isEqualTo(403);
        assertThat(undeclared.body()).doesNotContain("open");
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/api/fixture/declared")).header("Authorization", "Bearer demo-panel").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).isEqualTo("open");
    }
}
