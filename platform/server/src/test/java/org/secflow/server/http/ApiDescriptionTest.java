package org.secflow.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.AccessPolicy;
import org.secflow.server.Platform;
import org.secflow.server.RuntimePaths;
import org.secflow.server.config.SecflowConfig;
import org.secflow.store.DatabaseSettings;

/**
 * The OpenAPI description over real HTTP: it describes exactly the routes the server registers (a route added without
 * its description fails here), each with the access policy the route declares, security, problem+json errors and
 * bounded inputs; it reads as OpenAPI 3.1; Swagger UI serves its page and scripts.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {
    @TempDir
    static Path dir;

    private Platform platform;
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @org.junit.jupiter.api.BeforeAll
    void start() throws Exception {
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 2),
                new SecflowConfig.Plugins(null, Map.of(), null, Map.of()), null, null, null, SecflowConfig.builtIn().users());
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Path.of(System.getProperty("secflow.rules", "../../rules")), Path.of(System.getProperty("secflow.bpmn", "../../bpmn"))));
        app = ApiServer.create(platform).start(0);
    }

    @org.junit.jupiter.api.AfterAll
    void stop() {
        app.stop();
        platform.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void describesExactlyTheRegisteredRoutesEachWithItsDeclaredPolicy() throws Exception {
        JsonNode doc = ApiResponseValidator.of("http://localhost:" + app.port()).document();
        TreeSet<String> registered = new TreeSet<>();
        List<String> wrongPolicy = new ArrayList<>();
        for (RoutePolicy.Route r : RoutePolicy.routes(app)) {
            registered.add(r.method() + " " + r.path());
            JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            if (!op.path("x-access-policy").path("name").asText().equals(r.policy().name())
                    || !op.path("description").asText().contains("Access (" + r.policy().name() + "): " + r.policy().who())) {
                wrongPolicy.add(r.method() + " " + r.path());
            }
        }
        TreeSet<String> described = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(registered).hasSizeGreaterThan(50);
        assertThat(described).as("the description covers exactly the registered routes").isEqualTo(registered);
        assertThat(wrongPolicy).as("each operation shows its route's access policy").isEmpty();
    }

    @Test
    void readsAsOpenApi31WithBearerSecurityProblemErrorsAndBoundedInputs() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json");
        assertThat(r.statusCode()).as("anyone may read the description").isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        OpenAPI api = Json31.mapper().readValue(r.body(), OpenAPI.class);
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        JsonNode doc = Json.MAPPER.readTree(r.body());
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + p.getKey();
            assertThat(op.getValue().path("responses").path("default").path("$ref").asText()).as(name)
                    .isEqualTo("#/components/responses/Problem");
            assertThat(op.getValue().path("security").isArray()).as(name).isTrue();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
            while (m.find()) {
                String param = m.group(1);
                boolean declared = false;
                for (JsonNode prm : op.getValue().path("parameters")) {
                    declared |= prm.path("in").asText().equals("path") && prm.path("name").asText().equals(param);
                }
                assertThat(declared).as(name + " declares its path parameter " + param).isTrue();
            }
        }));
        assertThat(doc.at("/components/responses/Problem/content").has("application/problem+json")).isTrue();
        JsonNode health = doc.at("/paths/~1api~1health/get");
        assertThat(health.path("security").get(0).isEmpty()).as("health is open without a token").isTrue();
        assertThat(doc.at("/paths/~1api~1devices/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/DevicePreNotification");
        assertThat(doc.at("/components/schemas/DevicePreNotification/properties/manufacturer/maxLength").asInt()).isEqualTo(64);
        assertThat(doc.at("/components/schemas/DevicePreNotification/properties/deviceId/maxLength").asInt()).isEqualTo(Json.MAX_STRING);
        assertThat(doc.at("/components/schemas/CampaignDefinition/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(doc.at("/components/schemas/CreditInvoice/properties/amountIncVat/maximum").asDouble()).isEqualTo(1e12);
        assertThat(doc.at("/components/schemas/CreditInvoice/properties/amountIncVat/minimum").asDouble()).isEqualTo(0);
        JsonNode size = null;
        for (JsonNode prm : doc.at("/paths/~1api~1devices/get/parameters")) {
            if (prm.path("name").asText().equals("size")) {
                size = prm.path("schema");
            }
        }
        assertThat(size).isNotNull();
        assertThat(size.path("maximum").asInt()).isEqualTo(500);
        assertThat(doc.at("/paths/~1api~1metrics/get/x-access-policy/name").asText()).isEqualTo(AccessPolicy.METRICS.name());
    }

    @Test
    void theValidatorFindsAnswersThatDepartFromTheDescription() throws Exception {
        ApiResponseValidator validator = ApiResponseValidator.of("http://localhost:" + app.port());
        HttpResponse<String> health = get("/api/health");
        assertThat(validator.problems("GET", "/api/health", health)).isEmpty();
        assertThat(validator.problems("GET", "/api/plugins", health)).as("an object where an array is described")
                .anyMatch(p -> p.contains("array"));
        assertThat(validator.problems("POST", "/api/devices", health)).as("a 200 where 201 is described")
                .anyMatch(p -> p.contains("problem+json") || p.contains("media type"));
        HttpResponse<String> refused = get("/api/devices/00-00-00-00-00-00-00-01");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(validator.problems("GET", "/api/devices/{deviceId}", refused)).isEmpty();
        assertThat(validator.problems("GET", "/api/no-such-route/x", get("/api/health"))).contains(
                "GET /api/no-such-route/x -> 200: route not described");
    }

    @Test
    void swaggerUiServesItsPageAndScriptsOverTheDescription() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/api/openapi.json").contains("swagger-ui-bundle.js").doesNotContain("validator.swagger.io");
        Matcher script = Pattern.compile("src=\"([^\"]*swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> bundle = get(script.group(1));
        assertThat(bundle.statusCode()).as(script.group(1)).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }
}
