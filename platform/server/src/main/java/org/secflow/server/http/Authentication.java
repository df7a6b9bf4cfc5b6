package org.secflow.server.http;

import io.javalin.http.Context;
import java.util.function.Function;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.UnauthenticatedException;

/** Bearer-token authentication against the configured Users, and role checks for routes. */
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

    /**
     * The User, who must hold a DCC User Role or one of the platform roles.
     *
     * @throws ForbiddenException otherwise
     */
    static User requireDccUserOr(Context ctx, String action, PlatformRole... roles) {
        User u = user(ctx);
        if (!u.dccUserRoles().isEmpty() || u.hasPlatformRole(roles)) {
            return u;
        }
        throw new ForbiddenException(action + " needs a DCC User Role or a platform role " + java.util.Arrays.toString(roles),
                "user " + u.userId() + " may not " + action);
    }

    /**
     * The User, who must hold one of these DCC User Roles or platform roles.
     *
     * @throws ForbiddenException otherwise
     */
    static User require(Context ctx, String action, java.util.Set<DccUserRole> dccRoles, PlatformRole... roles) {
        User u = user(ctx);
        if (u.dccUserRoles().stream().anyMatch(dccRoles::contains) || u.hasPlatformRole(roles)) {
            return u;
        }
        throw new ForbiddenException(action + " needs one of the DCC User Roles " + dccRoles + " or platform roles "
                + java.util.Arrays.toString(roles), "user " + u.userId() + " may not " + action);
    }
}
