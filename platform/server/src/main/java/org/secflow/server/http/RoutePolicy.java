package org.secflow.server.http;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.List;
import org.secflow.access.AccessPolicy;

/**
 * The {@link AccessPolicy} a route names when it is registered ({@code app.get(path, handler, RoutePolicy.of(...))}),
 * carried as Javalin's {@link RouteRole} and checked before the route runs ({@link ApiServer}).
 *
 * @param policy the policy
 */
public record RoutePolicy(AccessPolicy policy) implements RouteRole {
    /** The route role that declares {@code policy}. */
    public static RoutePolicy of(AccessPolicy policy) {
        return new RoutePolicy(policy);
    }

    /** The policy a matched route declared, or null when it declared none (or more than one). */
    public static AccessPolicy declaredBy(java.util.Set<RouteRole> roles) {
        AccessPolicy found = null;
        for (RouteRole r : roles) {
            if (r instanceof RoutePolicy p) {
                if (found != null) {
                    return null;
                }
                found = p.policy();
            }
        }
        return found;
    }

    /**
     * Every {@code /api} route the app registers that declares no policy, as {@code "METHOD path"}; the server refuses
     * to start when this is not empty.
     */
    public static List<String> undeclared(Javalin app) {
        List<String> missing = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            var endpoint = e.getEndpoint();
            if (endpoint.getMethod().isHttpMethod() && endpoint.getPath().startsWith("/api")
                    && declaredBy(endpoint.getRoles()) == null) {
                missing.add(endpoint.getMethod() + " " + endpoint.getPath());
            }
        }
        return missing;
    }

    /** Every {@code /api} route the app registers, as {@code "METHOD path"} with its policy. */
    public static List<Route> routes(Javalin app) {
        List<Route> all = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            var endpoint = e.getEndpoint();
            if (endpoint.getMethod().isHttpMethod() && endpoint.getPath().startsWith("/api")) {
                all.add(new Route(endpoint.getMethod().name(), endpoint.getPath(), declaredBy(endpoint.getRoles())));
            }
        }
        return all;
    }

    /**
     * A registered route.
     *
     * @param method HTTP method
     * @param path path template, e.g. {@code /api/devices/{deviceId}}
     * @param policy its declared policy, or null
     */
    public record Route(String method, String path, AccessPolicy policy) {
    }
}
