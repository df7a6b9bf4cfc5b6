package org.secflow.tsat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.ForbiddenException;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleBase;

/**
 * The TSAT report (SEC Schedule 11): the Communications Hubs of the Smart Metering Inventory by their standing on a
 * day ({@code TSAT-MVP}: past the Maintenance Validity Period, to be upgraded or replaced; {@code TSAT-GBCS-APPLICABILITY}:
 * on a GBCS version past its Applicability Period; {@code TSAT-UNKNOWN-VERSION}; otherwise {@code WITHIN_MVP}). The
 * rules run once per CHTS and GBCS version pair of the estate (a few), not once per hub.
 *
 * <p>Who sees which hubs: DCC operators and administrators every hub; a Supplier User (Import or Gas Supplier role)
 * the hubs of premises its Party supplies; anyone else is refused (403): hub Device IDs of another Party's premises are
 * not disclosed.
 */
public final class TsatReports {
    private final Jdbi jdbi;
    private final RuleBase rules;

    public TsatReports(Jdbi jdbi, RuleBase rules) {
        this.jdbi = jdbi;
        this.rules = rules;
    }

    /**
     * One CHTS and GBCS version pair of the hubs in view.
     *
     * @param chtsVersion CHTS version, null when the SMI holds none
     * @param gbcsVersion GBCS version, null when the SMI holds none
     * @param hubCount how many hubs
     * @param status the finding on the report's day
     * @param ruleId the rule that found it
     * @param message why, with the TSAT dates
     * @param source the TSAT row's source
     */
    public record VersionLine(String chtsVersion, String gbcsVersion, long hubCount, TsatStatus status, String ruleId,
                              String message, String source) {
    }

    /**
     * One hub.
     *
     * @param deviceId the Communications Hub Function's Device ID
     * @param region CSP region
     */
    public record HubLine(String deviceId, String region, String chtsVersion, String gbcsVersion, TsatStatus status, String ruleId) {
    }

    /**
     * The report.
     *
     * @param asOf the day
     * @param table the TSAT table file read
     * @param hubsByStatus hub counts per status (every status, zero included)
     * @param versions one line per version pair
     * @param hubs the hubs (of {@code status} when one was asked), by Device ID, at most the limit
     * @param hubsTruncated whether more hubs matched than the limit
     */
    public record Report(LocalDate asOf, String table, Map<TsatStatus, Long> hubsByStatus, List<VersionLine> versions,
                         List<HubLine> hubs, boolean hubsTruncated) {
    }

    /**
     * The report for {@code user} on {@code asOf}.
     *
     * @param status only hubs with this status in {@code hubs}, or null for all
     * @param limit at most this many hubs listed (1..10,000)
     * @throws ForbiddenException (403) for a User who is neither DCC operator, administrator nor Supplier
     */
    public Report report(User user, LocalDate asOf, TsatStatus status, int limit) {
        Scope scope = scope(user);
        Map<String, VersionLine> versions = versions(scope, asOf);
        Map<TsatStatus, Long> counts = new LinkedHashMap<>();
        for (TsatStatus s : List.of(TsatStatus.WITHIN_MVP, TsatStatus.PAST_GBCS_APPLICABILITY, TsatStatus.PAST_MVP,
                TsatStatus.UNKNOWN_VERSION)) {
            counts.put(s, versions.values().stream().filter(v -> v.status() == s).mapToLong(VersionLine::hubCount).sum());
        }
        List<HubLine> hubs = new ArrayList<>();
        boolean[] more = {false};
        hubs(scope, versions, status, h -> {
            if (hubs.size() < limit) {
                hubs.add(h);
            } else {
                more[0] = true;
            }
        });
        return new Report(asOf, TsatTable.FILE_NAME, counts, List.copyOf(versions.values()), hubs, more[0]);
    }

    /**
     * Every hub in view with its status (for CSV), by Device ID.
     *
     * @throws ForbiddenException (403) as {@link #report}
     */
    public void forEachHub(User user, LocalDate asOf, TsatStatus status, Consumer<HubLine> out) {
        Scope scope = scope(user);
        hubs(scope, versions(scope, asOf), status, out);
    }

    private record Scope(String party) {
        String where() {
            return party == null ? "" : " JOIN premises p ON p.premises_id = h.premises_id"
                    + " WHERE (p.import_supplier = :party OR p.gas_supplier = :party)";
        }

        Map<String, Object> binds() {
            return party == null ? Map.of() : Map.of("party", party);
        }
    }

    private static Scope scope(User user) {
        if (user.hasPlatformRole(PlatformRole.OPERATOR)) {
            return new Scope(null);
        }
        if (user.dccUserRoles().contains(DccUserRole.IS) || user.dccUserRoles().contains(DccUserRole.GS)) {
            return new Scope(user.party());
        }
        throw new ForbiddenException("the TSAT report lists Communications Hubs: DCC operators and administrators see every"
                + " hub, a Supplier the hubs of the premises it supplies", "user " + user.userId() + " may not read the TSAT report");
    }

    private Map<String, VersionLine> versions(Scope scope, LocalDate asOf) {
        LoadedRules loaded = rules.current();
        TsatTable table = TsatTable.inRulesDirectory(rules.directory());
        Map<String, VersionLine> out = new LinkedHashMap<>();
        for (HubVersions.Pair pair : jdbi.withExtension(HubVersions.class, d -> d.pairs(scope.where(), scope.binds()))) {
            TsatVerdict v = TsatCheck.check(loaded, table, String.valueOf(pair.chtsVersion()), String.valueOf(pair.gbcsVersion()),
                    asOf, false);
            VersionLine line = new VersionLine(pair.chtsVersion(), pair.gbcsVersion(), pair.n(), v.status(), v.ruleId(),
                    v.message(), v.source());
            out.put(line.chtsVersion() + "/" + line.gbcsVersion(), line);
        }
        return out;
    }

    private void hubs(Scope scope, Map<String, VersionLine> versions, TsatStatus status, Consumer<HubLine> out) {
        jdbi.useExtension(HubVersions.class, d -> {
            try (var rows = d.hubs(scope.where(), scope.binds())) {
                rows.map(hub -> {
                    VersionLine v = versions.get(hub.chtsVersion() + "/" + hub.gbcsVersion());
                    return new HubLine(hub.deviceId(), hub.region(), hub.chtsVersion(), hub.gbcsVersion(), v.status(), v.ruleId());
                }).filter(l -> status == null || l.status() == status).forEach(out);
            }
        });
    }
}
