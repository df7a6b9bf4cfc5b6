package org.secflow.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real answers of the API against its own OpenAPI description ({@code GET /api/openapi.json}): the path and
 * method are described, the status is described (or falls to the problem+json {@code default}), the media type is
 * one the answer declares, and a JSON body validates against the declared schema (JSON Schema 2020-12, the dialect
 * of OpenAPI 3.1, with networknt's validator). Used by the shared test server's client, so every API suite checks
 * the description as it runs.
 */
public final class ApiResponseValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int parameters) {
    }

    /** The validator of the description {@code document}. */
    public ApiResponseValidator(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(p -> templates.add(new Template(p,
                Pattern.compile(p.replaceAll("\\{[^}/]+}", "[^/]+").replace(".", "\\.")), p.split("\\{", -1).length - 1)));
        templates.sort(Comparator.comparingInt(Template::parameters)); // literal segments before parameters
    }

    /** Reads the description a running server answers with at {@code baseUrl}. */
    public static ApiResponseValidator of(String baseUrl) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/openapi.json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/openapi.json answered " + r.statusCode());
            }
            return new ApiResponseValidator(JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The description. */
    public JsonNode document() {
        return document;
    }

    /**
     * The ways {@code response} to {@code method path} departs from the description; empty when it conforms.
     *
     * @param path the request path, with or without a query
     */
    public List<String> problems(String method, String path, HttpResponse<String> response) {
        String p = path.replaceAll("[?#].*", "");
        String call = method + " " + p + " -> " + response.statusCode();
        if (!p.startsWith("/api")) {
            return List.of();
        }
        Template template = templates.stream().filter(t -> t.pattern.matcher(p).matches()
                && document.path("paths").path(t.path).has(method.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (template == null) {
            // an undescribed path or method must be refused by the server, as a problem
            return response.statusCode() == 404 || response.statusCode() == 405
                    ? check(call, document.at("/components/responses/Problem"), response) : List.of(call + ": route not described");
        }
        JsonNode responses = document.path("paths").path(template.path).path(method.toLowerCase(Locale.ROOT)).path("responses");
        JsonNode declared = responses.has(Integer.toString(response.statusCode()))
                ? responses.get(Integer.toString(response.statusCode())) : responses.get("default");
        if (declared == null) {
            return List.of(call + ": status not described for " + template.path);
        }
        if (declared.has("$ref")) {
            declared = document.at(declared.get("$ref").asText().substring(1));
        }
        if (response.statusCode() >= 400 && !declared.path("content").has(ApiDescription.PROBLEM)) {
            return List.of(call + ": an error is not described as problem+json");
        }
        return check(call, declared, response);
    }

    private List<String> check(String call, JsonNode declared, HttpResponse<String> response) {
        JsonNode content = declared.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of();
        }
        String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").trim().toLowerCase(Locale.ROOT);
        if (!content.has(type)) {
            return List.of(call + ": media type '" + type + "' not among " + iterable(content.fieldNames()));
        }
        if (!type.endsWith("json")) {
            return List.of();
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            return List.of(call + ": body is not JSON");
        }
        JsonNode schema = content.path(type).path("schema");
        JsonSchema validator = compiled.computeIfAbsent(schema.toString(), k -> {
            ObjectNode root = ((ObjectNode) schema.deepCopy());
            root.set("components", document.path("components")); // the $refs point into the document's components
            return SCHEMAS.getSchema(root);
        });
        Set<ValidationMessage> errors = validator.validate(body);
        return errors.stream().map(e -> call + ": " + e.getMessage()).limit(10).toList();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
