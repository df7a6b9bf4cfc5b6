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
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.secflow.problem.BadRequestException;

/**
 * The API's JSON: strict on input (unknown fields, scalar coercion, null primitives and trailing tokens are
 * refused), ISO-8601 dates on output. Reading errors become a {@link BadRequestException} naming the field.
 */
public final class Json {
    /** The one mapper of the API. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
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
                    "'" + Problems.truncate(String.valueOf(e.getValue()), 64) + "' is not " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof org.secflow.problem.DomainProblem problem) {
                throw problem; // a record's compact constructor refused a value, naming the field and the rule
            }
            if (e.getCause() instanceof StreamReadException cause) {
                throw malformed(cause);
            }
            String field = path(e);
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            throw new BadRequestException(field, "the field has the documented type",
                    (field.equals("body") ? "the body" : "field '" + field + "'") + " is not " + expected(target));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /**
     * What a value of a target type looks like, in the API's words (never a Java type name): an enum lists its values.
     */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO date (2027-03-01)";
        }
        if (type == java.time.LocalDateTime.class) {
            return "an ISO date-time (2027-03-06T22:00)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO instant (2027-03-06T22:00:00Z)";
        }
        if (type == java.time.YearMonth.class) {
            return "a month (2027-03)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of the documented type";
    }

    private static BadRequestException malformed(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new BadRequestException("body", "the body is well-formed JSON", "malformed JSON" + where);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? "body" : Problems.truncate(p, 100);
    }
}
