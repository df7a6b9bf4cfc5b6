package org.secflow.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.secflow.json.JsonMappers;
import org.secflow.problem.BadRequestException;

/**
 * The API's JSON: strict on input (unknown fields, scalar coercion, null primitives and trailing tokens are
 * refused), ISO-8601 dates on output. Reading errors become a {@link BadRequestException} naming the field.
 */
public final class Json {
    /** Longest string value a request body may carry (a field's own rule may allow fewer). */
    public static final int MAX_STRING = 10_000;

    /** The one mapper of the API. */
    public static final ObjectMapper MAPPER = JsonMappers.builder()
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("bounded-strings")
                    .addDeserializer(String.class, new BoundedStringDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static {
        // {"firmwareVersion": false} is not the text "false": no scalar becomes a string
        MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    private Json() {
    }

    /** Strings of at most {@link #MAX_STRING} characters; a longer one is refused naming its field, never echoed. */
    private static final class BoundedStringDeserializer extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.length() > MAX_STRING) {
                String field = p.getParsingContext().inArray() && p.getParsingContext().getParent() != null
                        ? p.getParsingContext().getParent().getCurrentName() : p.getParsingContext().getCurrentName();
                throw new BadRequestException(field == null ? "body" : field, "text fields have at most " + MAX_STRING + " characters",
                        "a value of " + s.length() + " characters");
            }
            return s;
        }
    }

    /**
     * Reads a request body.
     *
     * @throws BadRequestException naming the field (or {@code body}) when the JSON is malformed or does not fit
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("body", "the request has a JSON object body", "the body is empty");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequestException("body", "the request has a JSON object body", "the body is null");
            }
            return value;
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (UnrecognizedPropertyException e) {
            String field = Problems.truncate(e.getPropertyName(), 64);
            throw new BadRequestException(field, "only the documented fields are accepted", "unknown field '" + field + "'");
        } catch (InvalidFormatException e) {
            String field = path(e);
            throw new BadRequestException(field, "the field has the documented type and values",
                    "'" + Problems.truncate(String.valueOf(e.getValue()), 64) + "' is not " + shape(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof org.secflow.problem.DomainProblem problem) {
                throw problem; // a record's compact constructor refused a value, naming the field and the rule
            }
            if (e.getCause() instanceof StreamReadException cause) {
                throw malformed(cause);
            }
            String field = path(e);
            // Jackson's own message names Java types: say what JSON the field takes instead
            String expected = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                    ? "expected " + shape(m.getTargetType()) : "the value does not have the documented type";
            throw new BadRequestException(field, "the field has the documented type",
                    (field.equals("body") ? "" : "field '" + field + "': ") + expected);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The JSON a Java type is read from, in words a client understands (no Java type name). */
    static String shape(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.LocalDateTime.class) {
            return "a local date-time (YYYY-MM-DDThh:mm)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a date-time with offset (ISO 8601)";
        }
        if (type == java.time.YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static BadRequestException malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException || message.contains("StreamReadConstraints")) {
            message = "the document is nested too deeply or a value is too long";
        }
        // Jackson quotes Java types in backticks; a client is told about JSON, not about the server's classes
        message = message.replaceAll("`[^`]*`", "the value").replaceAll("\\(class [^)]*\\)", "");
        return new BadRequestException("body", "the body is well-formed JSON", "malformed JSON: " + message);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? "body" : Problems.truncate(p, 100);
    }
}
