package org.secflow.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may call a route, and how the data it answers with is scoped. Every route of the API names exactly one policy
 * when it is registered; the server checks it in one place before the route runs and refuses to start when a route
 * names none. Scoping (which rows a Party sees) is done by the feature's store or service, as {@link #scope()} says:
 * a thing another Party owns answers exactly like a missing one (404), and lists leave foreign rows out.
 *
 * <p>Sources: SEC Section H (DCC User Roles and the Registered Supplier of a premises, H3/H4), SEC Section D
 * (modification procedures: any SEC Party raises a proposal; the Code Administrator, the Panel, the Change Board
 * and the Authority record their own steps), SEC Section J3 (Credit Cover, the DCC's finance function), MP170
 * Modification Report (the known firmware image list, BR12, is kept by the DCC).
 */
public enum AccessPolicy {
    /** Platform status: anyone, also without a token; details only for {@link #seesPlatformDetails(User)}. */
    HEALTH("anyone, also without a token", "status only; versions, folders and counts for operators and admins",
            u -> true, true),
    /** Plugin folders and providers. */
    PLUGINS("operators, designers and admins", "every plugin", u -> u.hasPlatformRole(PlatformRole.OPERATOR, PlatformRole.DESIGNER), false),
    /** Reads of the Smart Metering Inventory. */
    SMI_READ("any authenticated User", "Suppliers: premises they are registered for, by the device's fuel; network "
            + "operators: premises in their area; DCC operators and admins: all; other roles: devices without MPAN, MPRN "
            + "or Supplier", u -> true, false),
    /** Pre-notification (SRV 12.2) and update (SRV 8.4) of devices. */
    SMI_WRITE("Suppliers (IS, ES, GS), DCC operators and admins", "Suppliers: devices and Communications Hubs of premises "
            + "they are registered for, by fuel; operators and admins: all",
            u -> holdsAny(u, DccUserRole.IS, DccUserRole.ES, DccUserRole.GS) || u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Reading the known firmware image list (MP170 BR12). */
    FIRMWARE_IMAGE_READ("Suppliers (IS, ES, GS), DCC operators and admins", "every known image",
            u -> holdsAny(u, DccUserRole.IS, DccUserRole.ES, DccUserRole.GS) || u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Keeping the known firmware image list (MP170 BR12: the DCC keeps it). */
    FIRMWARE_IMAGE_WRITE("DCC operators and admins", "every known image", u -> u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Creating a firmware campaign (SRV 11.4 is sent by a Supplier). */
    CAMPAIGN_CREATE("Suppliers (IS, GS)", "devices of premises the Supplier is registered for",
            u -> holdsAny(u, DccUserRole.IS, DccUserRole.GS) || u.hasPlatformRole(PlatformRole.ADMIN), false),
    /** Reading and controlling firmware campaigns, their devices and notifications. */
    CAMPAIGN("Suppliers (IS, ES, GS), DCC operators and admins", "the creating Supplier's Users, DCC operators and admins; "
            + "another Party's campaign answers as a missing one",
            u -> holdsAny(u, DccUserRole.IS, DccUserRole.ES, DccUserRole.GS) || u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Firmware reports over every campaign (the AltHANCo report, SEC H13 performance). */
    FIRMWARE_REPORTS("DCC operators and admins", "every campaign", u -> u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** The TSAT report of Communications Hubs by their CHTS and GBCS validity periods (SEC Schedule 11). */
    TSAT_REPORT("Suppliers (IS, GS), DCC operators and admins", "Suppliers: hubs of premises they supply; DCC operators "
            + "and admins: every hub", u -> holdsAny(u, DccUserRole.IS, DccUserRole.GS) || u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Sending a Service Request. */
    SERVICE_REQUEST_SUBMIT("Users holding a DCC User Role", "the registration rules decide per device (rules/registered-supplier.drl)",
            u -> !u.dccUserRoles().isEmpty(), false),
    /** Reading Service Requests and their decision audit. */
    SERVICE_REQUEST_READ("any authenticated User", "the User's own requests; admins all", u -> true, false),
    /** Reading the rules in service. */
    RULES_READ("any authenticated User", "the rule-set version and files; the rules folder only for analysts, operators "
            + "and admins", u -> true, false),
    /** Reloading or rolling back the rules. */
    RULES_CHANGE("analysts and admins", "the whole rule set", u -> u.hasPlatformRole(PlatformRole.ANALYST), false),
    /** Reading the deployed processes. */
    PROCESS_READ("any authenticated User", "every definition; the BPMN folder only for designers, operators and admins",
            u -> true, false),
    /** Deploying processes. */
    PROCESS_DEPLOY("designers and admins", "every definition", u -> u.hasPlatformRole(PlatformRole.DESIGNER), false),
    /** Reading and checking Planned Maintenance (published to every Party, SEC H8). */
    MAINTENANCE_READ("any authenticated User", "every published window; a check writes nothing", u -> true, false),
    /** Storing a month's Planned Maintenance schedule. */
    MAINTENANCE_PUBLISH("DCC operators and admins", "every window", u -> u.hasPlatformRole(PlatformRole.OPERATOR), false),
    /** Reading Credit Cover (SEC J3). */
    CREDIT_COVER_READ("any authenticated User", "the User's own Party; DCC finance and admins all; another Party answers "
            + "as a missing one", u -> true, false),
    /** Recording Credit Cover parties, invoices, credit support, estimates and assessments. */
    CREDIT_COVER_WRITE("DCC finance and admins", "every Party", u -> u.hasPlatformRole(PlatformRole.FINANCE), false),
    /** Reading modifications (the SEC's public register). */
    MODIFICATION_READ("any authenticated User", "every modification", u -> true, false),
    /** Raising a Draft Proposal (SEC Section D: any SEC Party). */
    MODIFICATION_RAISE("any authenticated User (every User acts for a SEC Party)", "a new modification", u -> true, false),
    /** Recording a lifecycle event. */
    MODIFICATION_EVENT("any authenticated User", "each event only by the Code Administrator or the body whose step it is, "
            + "as the lifecycle BPMN declares", u -> true, false),
    /** User tasks of the modification lifecycle. */
    TASKS("any authenticated User", "tasks of the User's process groups; admins all", u -> true, false),
    /** The caller's own identity ({@code GET /api/me}, the web console's sign-in). */
    IDENTITY("any authenticated User", "the caller only", u -> true, false),
    /** The web console's sign-in settings ({@code GET /api/console/config}): public by nature, read before signing in. */
    CONSOLE_CONFIG("anyone, also without a token", "the identity provider's issuer, the console's client id and scopes; "
            + "nothing secret", u -> true, true),
    /**
     * The API description (OpenAPI) and its Swagger UI: anyone, also without a token, like the web console's files,
     * since they describe the routes and hold no data.
     */
    API_DOCS("anyone, also without a token", "the description of every route; no data", u -> true, true),
    /** The process's metrics (requests, decisions, campaigns, pool, JVM): operations, not any Party's data. */
    METRICS("DCC operators and admins", "process-wide counts; no Party's data", u -> u.hasPlatformRole(PlatformRole.OPERATOR), false);

    private final String who;
    private final String scope;
    private final Predicate<User> admits;
    private final boolean anonymous;

    AccessPolicy(String who, String scope, Predicate<User> admits, boolean anonymous) {
        this.who = who;
        this.scope = scope;
        this.admits = admits;
        this.anonymous = anonymous;
    }

    /** Who may call a route of this policy, in words (for refusals and the API description). */
    public String who() {
        return who;
    }

    /** How the answer is scoped, in words. */
    public String scope() {
        return scope;
    }

    /** Whether the route answers without a token. */
    public boolean anonymous() {
        return anonymous;
    }

    /** Whether this authenticated User may call a route of this policy ({@link PlatformRole#ADMIN} may call every route). */
    public boolean admits(User user) {
        return user.platformRoles().contains(PlatformRole.ADMIN) || admits.test(user);
    }

    /** Whether the User sees versions, folders and counts of the platform (operators and admins). */
    public static boolean seesPlatformDetails(User user) {
        return user != null && user.hasPlatformRole(PlatformRole.OPERATOR);
    }

    private static boolean holdsAny(User u, DccUserRole... roles) {
        Set<DccUserRole> wanted = EnumSet.noneOf(DccUserRole.class);
        wanted.addAll(Set.of(roles));
        for (DccUserRole r : u.dccUserRoles()) {
            if (wanted.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
