package org.secflow.access;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated User.
 *
 * @param userId DCC User ID (or a platform user name for platform-only users)
 * @param name display name
 * @param party the SEC Party the User acts for, e.g. {@code SUPPLIER-A}
 * @param dccUserRoles DCC User Roles held
 * @param platformRoles secflow roles held
 * @param groups the process groups (BPMN candidate groups, e.g. {@code secas}, {@code panel}, {@code dcc}; listed
 *               in bpmn/README.md) whose user tasks the User may see and complete
 */
public record User(String userId, String name, String party, Set<DccUserRole> dccUserRoles, Set<PlatformRole> platformRoles,
                   Set<String> groups) {
    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(party, "party");
        dccUserRoles = dccUserRoles == null ? Set.of() : Set.copyOf(dccUserRoles);
        platformRoles = platformRoles == null ? Set.of() : Set.copyOf(platformRoles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A User in no process group. */
    public User(String userId, String name, String party, Set<DccUserRole> dccUserRoles, Set<PlatformRole> platformRoles) {
        this(userId, name, party, dccUserRoles, platformRoles, Set.of());
    }

    /** Whether the User may act on a task of these candidate groups ({@link PlatformRole#ADMIN} acts on all). */
    public boolean inAnyGroup(java.util.Collection<String> candidateGroups) {
        return platformRoles.contains(PlatformRole.ADMIN) || candidateGroups.stream().anyMatch(groups::contains);
    }

    /** Whether the User holds any of these platform roles ({@link PlatformRole#ADMIN} holds all). */
    public boolean hasPlatformRole(PlatformRole... roles) {
        if (platformRoles.contains(PlatformRole.ADMIN)) {
            return true;
        }
        for (PlatformRole r : roles) {
            if (platformRoles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
