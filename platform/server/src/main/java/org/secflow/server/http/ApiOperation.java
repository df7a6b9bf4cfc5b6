package org.secflow.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;

/** One operation of the {@link ApiDescription} being declared, written fluently by {@link ApiOperations}. */
final class ApiOperation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ApiDescription description;
    private final ObjectNode node;

    ApiOperation(ApiDescription description, String method, String path, String tag, String summary) {
        this.description = description;
        ObjectNode item = description.pathItem(path);
        if (item.has(method)) {
            throw new IllegalStateException(method + " " + path + " is described twice");
        }
        this.node = item.putObject(method);
        node.put("operationId", (method + path).replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "-"));
        node.putArray("tags").add(tag);
        node.put("summary", summary);
        node.putObject("responses");
    }

    /** A longer description (the access policy is appended when the document is built). */
    ApiOperation description(String text) {
        node.put("description", text);
        return this;
    }

    /** A path parameter (every path parameter is a required string). */
    ApiOperation path(String name, String what) {
        ObjectNode p = node.withArray("parameters").addObject().put("name", name).put("in", "path").put("required", true)
                .put("description", what);
        p.putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", 200);
        return this;
    }

    /** An optional query parameter of the given schema. */
    ApiOperation query(String name, ObjectNode schema, String what) {
        node.withArray("parameters").addObject().put("name", name).put("in", "query").put("required", false)
                .put("description", what).set("schema", schema);
        return this;
    }

    /** A JSON request body of {@code type}. */
    ApiOperation body(Type type, boolean required) {
        ObjectNode b = node.putObject("requestBody").put("required", required);
        b.putObject("content").putObject("application/json").set("schema", description.schema(type, true));
        return this;
    }

    /** A JSON answer of {@code status} whose body has {@code schema}. */
    ApiOperation answers(int status, String what, ObjectNode schema) {
        ObjectNode r = node.with("responses").putObject(Integer.toString(status)).put("description", what);
        r.putObject("content").putObject("application/json").set("schema", schema);
        return this;
    }

    /** A JSON answer of {@code status} whose body is a {@code type}. */
    ApiOperation answers(int status, String what, Type type) {
        return answers(status, what, description.schema(type, false));
    }

    /** A JSON answer of {@code status} whose body is an array of {@code item}. */
    ApiOperation answersList(int status, String what, Type item) {
        return answers(status, what, description.arrayOf(item));
    }

    /** The same answer may be asked for as CSV ({@code ?format=csv} or {@code Accept: text/csv}). */
    ApiOperation orCsv() {
        node.with("responses").with("200").with("content").putObject("text/csv").putObject("schema").put("type", "string");
        return this;
    }

    /** An answer of {@code status} in another media type, with a string body. */
    ApiOperation answersText(int status, String what, String mediaType) {
        ObjectNode r = node.with("responses").putObject(Integer.toString(status)).put("description", what);
        r.putObject("content").putObject(mediaType).putObject("schema").put("type", "string");
        return this;
    }

    static ObjectNode object(String what) {
        return NODES.objectNode().put("type", "object").put("description", what);
    }

    static ObjectNode array(String what) {
        return NODES.objectNode().put("type", "array").put("description", what);
    }

    static ObjectNode text(int maxLength) {
        return NODES.objectNode().put("type", "string").put("maxLength", maxLength);
    }

    static ObjectNode integer(long minimum, long maximum) {
        return NODES.objectNode().put("type", "integer").put("minimum", minimum).put("maximum", maximum);
    }

    static ObjectNode formatted(String format) {
        return NODES.objectNode().put("type", "string").put("format", format);
    }

    static ObjectNode oneOf(Class<? extends Enum<?>> type) {
        ObjectNode s = NODES.objectNode().put("type", "string");
        var values = s.putArray("enum");
        for (Enum<?> e : type.getEnumConstants()) {
            values.add(e.name());
        }
        return s;
    }

    static ObjectNode oneOf(String... values) {
        ObjectNode s = NODES.objectNode().put("type", "string");
        var list = s.putArray("enum");
        for (String v : values) {
            list.add(v);
        }
        return s;
    }
}
