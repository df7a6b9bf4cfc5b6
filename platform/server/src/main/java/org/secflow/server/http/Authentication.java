package org.secflow.server.http;

import io.javalin.http.Context;
import java.util.function.Function;
import org.secflow.access.User;
import org.secflow.problem.UnauthenticatedException;

/** Bearer-token authentication against the configured Users (each route's access is its {@link RoutePolicy}). */
final class Authentication {
    private static final String USER = "secflow.user";

    private Authentication() {
    }

    /** Before-handler: resolves {@code Authorization: Bearer <token>} to a User or answers 401. */
    static void authenticate(Context ctx, Function<String, User> users) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new UnauthenticatedException("the Authorization header is missing");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthenticatedException("the Authorization header is not a Bearer token");
        }
        User user = users.apply(header.substring(7).trim());
        if (user == null) {
            throw new UnauthenticatedException("the bearer token is unknown");
        }
        ctx.attribute(USER, user);
    }

    static User user(Context ctx) {
        return ctx.attribute(USER);
    }
}
