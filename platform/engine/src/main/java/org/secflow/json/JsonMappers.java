package org.secflow.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place Jackson is configured. Every mapper starts from {@link #builder()}: {@code java.time} types
 * (Jackson's JSR-310 module) and unknown properties refused; the named mappers add what their use needs. A mapper
 * is thread-safe once built: build one per use and keep it.
 */
public final class JsonMappers {
    private JsonMappers() {
    }

    /** The shared configuration: the JSR-310 module for {@code java.time}, unknown properties refused. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** JSON kept in database columns: days and instants written as ISO-8601 text. */
    public static ObjectMapper stored() {
        return builder().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    /** JSON files an analyst edits (e.g. the modification timetables of {@code examples/modifications/}). */
    public static ObjectMapper files() {
        return builder().build();
    }

    /**
     * Service Request payloads converted to their typed form: as {@link #builder()}, and no scalar coerced into
     * another type (a number is not a string).
     */
    public static ObjectMapper payloads() {
        return builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    }

    /** The YAML configuration file {@code secflow.yaml}: unknown keys refused. */
    public static ObjectMapper yaml() {
        return YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
