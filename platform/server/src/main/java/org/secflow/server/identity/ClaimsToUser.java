package org.secflow.server.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.UnauthenticatedException;
import org.secflow.server.config.OidcConfig;

/**
 * Makes a {@link User} of a validated token's claims, by the claim names of {@code oidc.claims}.
 *
 * <p>Role names are matched without regard to case ({@code is} and {@code IS} are the Import Supplier role). Names
 * that are not a DCC User Role or a secflow role are <b>ignored</b>: an identity provider's tokens carry the roles of
 * other applications too (Keycloak adds {@code offline_access}, {@code uma_authorization} and
 * {@code default-roles-<realm>} to every user), and ignoring a name can only ever grant less. This also lets both role
 * claims point at the same claim, e.g. {@code realm_access.roles}.
 */
final class ClaimsToUser {
    private final OidcConfig.Claims names;

    ClaimsToUser(OidcConfig.Claims names) {
        this.names = names;
    }

    /** @throws UnauthenticatedException when the User ID or Party claim is missing, empty or not a string */
    User user(Map<String, Object> claims) {
        String userId = requiredString(claims, names.userId(), "User ID");
        String party = requiredString(claims, names.party(), "Party");
        Object name = claim(claims, names.name());
        Set<DccUserRole> dcc = EnumSet.noneOf(DccUserRole.class);
        for (String r : strings(claim(claims, names.dccUserRoles()))) {
            role(DccUserRole.class, r, dcc);
        }
        Set<PlatformRole> platform = EnumSet.noneOf(PlatformRole.class);
        for (String r : strings(claim(claims, names.platformRoles()))) {
            role(PlatformRole.class, r, platform);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String g : strings(claim(claims, names.groups()))) {
            String group = g.startsWith("/") ? g.substring(1) : g;
            if (!group.isBlank()) {
                groups.add(group);
            }
        }
        return new User(userId, name instanceof String s && !s.isBlank() ? s : userId, party, dcc, platform, groups);
    }

    private static <E extends Enum<E>> void role(Class<E> type, String name, Set<E> into) {
        try {
            into.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notOurs) {
            // another application's role: ignored (class comment)
        }
    }

    private static String requiredString(Map<String, Object> claims, String name, String what) {
        Object v = claim(claims, name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new UnauthenticatedException("the token has no " + what + " (claim " + name + ")");
        }
        return s;
    }

    /** The claim of this exact name, else the dotted path followed into nested objects, else null. */
    static Object claim(Map<String, Object> claims, String name) {
        Object direct = claims.get(name);
        if (direct != null || name.indexOf('.') < 0) {
            return direct;
        }
        Object at = claims;
        for (String step : name.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(step);
        }
        return at;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Iterable<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
