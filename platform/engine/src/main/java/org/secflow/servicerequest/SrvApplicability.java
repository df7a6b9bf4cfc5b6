package org.secflow.servicerequest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.secflow.rules.StandingFact;

/**
 * One row of the DUIS Service Request matrix (DUIS, SEC Appendix AD), inserted by the row's rule
 * of {@code rules/srv-applicability.drl.csv} the first time a thread's session of a rule-base version evaluates a
 * request for its SRV (through {@link SrvLookup}). It then stands in that session for every later request
 * ({@link StandingFact}): a decision inserts and deletes only its request, and the table's row no longer fires per
 * request (about half the cost of a decision in {@code secflow bench rules}). Never changed once inserted.
 *
 * <p>Eligible User Roles stay {@code null} when the matrix leaves them blank (7.16, 8.5, 8.6): eligibility is
 * then not defined in the source. Targets {@code DSP} mean a non-device SRV processed by the DSP (any device).
 */
public final class SrvApplicability implements StandingFact {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, Set<String>> SPLITS = new ConcurrentHashMap<>();

    private final String srv;
    private Set<String> roles;
    private boolean critical;
    private boolean nonDevice;
    private Set<String> targets = Set.of();
    private String source;

    public SrvApplicability(String srv) {
        this.srv = srv;
    }

    public String getSrv() {
        return srv;
    }

    /** @param roles space-separated DCC User Roles, e.g. {@code IS GS} */
    public void setRoles(String roles) {
        this.roles = split(roles);
    }

    /** @return eligible roles, or null when the source does not define them */
    public Set<String> getRoles() {
        return roles;
    }

    /** @param critical {@code Yes} or {@code No} as the matrix writes it */
    public void setCritical(String critical) {
        this.critical = "Yes".equalsIgnoreCase(critical.trim());
    }

    public boolean isCritical() {
        return critical;
    }

    /** @param nonDevice {@code Yes} or {@code No} as the matrix writes it */
    public void setNonDevice(String nonDevice) {
        this.nonDevice = "Yes".equalsIgnoreCase(nonDevice.trim());
    }

    public boolean isNonDevice() {
        return nonDevice;
    }

    /** @param targets space-separated device types, or {@code DSP} */
    public void setTargets(String targets) {
        this.targets = split(targets);
    }

    public Set<String> getTargets() {
        return targets;
    }

    /** @param source e.g. {@code DUIS Service Request matrix (SRV 2.5 Activate Emergency Credit)} */
    public void setSource(String source) {
        this.source = source;
    }

    public String getSource() {
        return source;
    }

    /** Whether the role may send this SRV (false when eligibility is not defined). */
    public boolean allowsRole(String role) {
        return roles != null && roles.contains(role);
    }

    /** Whether the SRV may target this device type: any type for a DSP-processed SRV. */
    public boolean targetsType(String deviceType) {
        return targets.contains("DSP") || targets.contains(deviceType);
    }

    private static Set<String> split(String s) {
        // the cells are the table's literals: parse each once (this runs on every decision)
        return SPLITS.computeIfAbsent(s == null ? "" : s, k -> {
            String t = k.trim();
            return t.isEmpty() ? Set.of() : Set.of(WHITESPACE.split(t));
        });
    }
}
