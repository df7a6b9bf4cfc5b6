package org.secflow.server.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import org.secflow.problem.BadRequestException;

/** Typed query parameters with errors naming the parameter. */
final class QueryParams {
    private QueryParams() {
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, "one of " + Arrays.toString(type.getEnumConstants()),
                    "'" + Problems.truncate(v, 64) + "' is not " + Json.expected(type));
        }
    }

    static int intParam(Context ctx, String name, int defaultValue) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " is an integer", "'" + Problems.truncate(v, 64) + "' is not an integer");
        }
    }

    static String stringParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
