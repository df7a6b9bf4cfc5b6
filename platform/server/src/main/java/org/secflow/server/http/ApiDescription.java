package org.secflow.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secflow.access.AccessPolicy;

/**
 * Builds the OpenAPI 3.1 description of the API ({@code GET /api/openapi.json}): the operations are declared in
 * {@link ApiOperations}; the schemas of request and answer bodies are generated from their Java types by swagger-core's
 * {@link ModelConverters} (OpenAPI 3.1 mode, JSON Schema 2020-12); each operation's access policy is read from the
 * routes the server registered, so the description can never claim another policy than the one checked. Errors are
 * {@code application/problem+json} (RFC 9457) everywhere.
 */
final class ApiDescription {
    static final String PROBLEM = "application/problem+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper schemaJson = Json31.mapper();
    private final ModelConverters converters = new ModelConverters(true);
    private final ObjectNode root = NODES.objectNode();
    private final ObjectNode paths;
    private final ObjectNode schemas;
    private final Set<String> requestSchemas = new HashSet<>();

    ApiDescription(String version) {
        root.put("openapi", "3.1.0");
        root.putObject("info").put("title", "secflow API").put("version", version).put("description",
                "Rules-and-workflow platform for GB smart metering processes under the Smart Energy Code. Every route "
                        + "declares who may call it (x-access-policy); a thing another Party owns answers exactly like a "
                        + "missing one (404). Errors are application/problem+json (RFC 9457) naming the field and the rule.");
        paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "a static token of the configuration or an OpenID Connect access token");
        schemas.set("Problem", problemSchema());
        ObjectNode problem = NODES.objectNode().put("description", "an error (RFC 9457): type, title, status, detail, "
                + "instance, and field and rule when known");
        problem.putObject("content").putObject(PROBLEM).putObject("schema").put("$ref", "#/components/schemas/Problem");
        components.putObject("responses").set("Problem", problem);
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = NODES.objectNode().put("type", "object");
        s.putArray("required").add("type").add("title").add("status");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer").put("minimum", 400).put("maximum", 599);
        p.putObject("detail").putArray("type").add("string").add("null");
        p.with("detail").put("maxLength", Problems.MAX_DETAIL + 1);
        p.putObject("instance").put("type", "string");
        p.putObject("field").put("type", "string").put("maxLength", 100)
                .put("description", "the request field, parameter or header refused");
        p.putObject("rule").put("type", "string").put("description", "the rule that refused it, with its source");
        p.putObject("violations").put("type", "array").put("description", "rule findings: ruleId, message, source");
        p.putObject("errors").put("type", "array").put("description", "rule or BPMN files refused: file, line, problem");
        return s;
    }

    /** The path item of {@code path}. */
    ObjectNode pathItem(String path) {
        return paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    }

    /**
     * A schema for {@code type} (a class, or a parameterised type from Jackson's type factory): a {@code $ref} to a
     * component for a bean or record (generated with everything it references), inline for the rest.
     *
     * @param request whether request bodies carry it (its text fields get the mapper's bound, {@link Json#MAX_STRING})
     */
    ObjectNode schema(Type type, boolean request) {
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, s) -> {
                if (!schemas.has(name)) {
                    schemas.set(name, schemaJson.valueToTree(s));
                }
                if (request) {
                    requestSchemas.add(name);
                }
            });
        }
        return resolved.schema == null ? NODES.objectNode() : schemaJson.valueToTree(resolved.schema);
    }

    /** An array of {@code item}'s schema. */
    ObjectNode arrayOf(Type item) {
        ObjectNode s = NODES.objectNode().put("type", "array");
        s.set("items", schema(item, false));
        return s;
    }

    /** Adds a bound to a generated component's property, e.g. {@code bound("CampaignDefinition", "name", "maxLength", 200)}. */
    void bound(String schema, String property, String keyword, Number value) {
        JsonNode p = schemas.path(schema).path("properties").path(property);
        if (!(p instanceof ObjectNode o)) {
            throw new IllegalStateException("no property " + schema + "." + property + " in the generated schemas");
        }
        o.put(keyword, value.toString().contains(".") || value instanceof java.math.BigDecimal
                ? new java.math.BigDecimal(value.toString()).stripTrailingZeros().doubleValue() : value.longValue());
    }

    /** Marks properties of a generated component as required. */
    void required(String schema, String... properties) {
        ObjectNode s = (ObjectNode) schemas.get(schema);
        ArrayNode r = s.withArray("required");
        for (String p : properties) {
            if (!s.path("properties").has(p)) {
                throw new IllegalStateException("no property " + schema + "." + p + " in the generated schemas");
            }
            r.add(p);
        }
    }

    /**
     * The document: every operation gets the access policy its route declared ({@code x-access-policy}, a line of its
     * description and its security requirement) and the problem+json default answer; properties not required may be
     * null (the API writes absent values as null); request text fields are bounded.
     *
     * @param routes the routes the server registered, with their policies
     */
    ObjectNode build(List<RoutePolicy.Route> routes) {
        Map<String, AccessPolicy> policies = new LinkedHashMap<>();
        routes.forEach(r -> policies.put(r.method().toLowerCase(Locale.ROOT) + " " + r.path(), r.policy()));
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            ObjectNode operation = (ObjectNode) op.getValue();
            AccessPolicy policy = policies.get(op.getKey() + " " + path.getKey());
            if (policy != null) {
                operation.putObject("x-access-policy").put("name", policy.name()).put("who", policy.who())
                        .put("scope", policy.scope()).put("anonymous", policy.anonymous());
                operation.put("description", (operation.path("description").asText("") + "\n\nAccess (" + policy.name()
                        + "): " + policy.who() + ". Scope: " + policy.scope() + ".").strip());
                ArrayNode security = operation.putArray("security");
                if (policy.anonymous()) {
                    security.addObject();
                }
                security.addObject().putArray("bearer");
            }
            ((ObjectNode) operation.with("responses")).putObject("default").put("$ref", "#/components/responses/Problem");
        }));
        schemas.fields().forEachRemaining(e -> {
            if (e.getKey().equals("Problem")) {
                return;
            }
            ObjectNode s = (ObjectNode) e.getValue();
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            s.path("properties").fields().forEachRemaining(p -> {
                ObjectNode property = (ObjectNode) p.getValue();
                if (requestSchemas.contains(e.getKey())) {
                    boundText(property);
                }
                if (!required.contains(p.getKey())) {
                    s.with("properties").set(p.getKey(), nullable(property));
                }
            });
        });
        return root;
    }

    private static void boundText(ObjectNode property) {
        if (isType(property, "string") && !property.has("maxLength") && !property.has("enum")) {
            property.put("maxLength", Json.MAX_STRING);
        }
        if (isType(property, "array") && property.get("items") instanceof ObjectNode items) {
            boundText(items);
        }
    }

    private static boolean isType(ObjectNode s, String type) {
        JsonNode t = s.get("type");
        if (t == null) {
            return false;
        }
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode n : t) {
            if (n.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode nullable(ObjectNode property) {
        JsonNode type = property.get("type");
        if (type != null && type.isTextual()) {
            property.putArray("type").add(type.asText()).add("null");
            if (property.has("enum")) {
                ((ArrayNode) property.get("enum")).addNull();
            }
            return property;
        }
        if (type != null && type.isArray()) {
            ArrayNode types = (ArrayNode) type;
            boolean hasNull = false;
            for (JsonNode t : types) {
                hasNull |= t.asText().equals("null");
            }
            if (!hasNull) {
                types.add("null");
            }
            return property;
        }
        if (property.has("$ref")) {
            ObjectNode any = NODES.objectNode();
            any.putArray("anyOf").add(property).addObject().put("type", "null");
            return any;
        }
        return property;
    }
}
