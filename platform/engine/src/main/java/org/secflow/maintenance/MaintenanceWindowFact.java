package org.secflow.maintenance;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * What the rules see of one Planned Maintenance window: UK local (Europe/London) start and end, duration and
 * lead time derived in Java by {@link MaintenanceService}; the classification HIGH or LOW and the Change Risk
 * Calculator score are set by the rules. A JavaBean for Drools. Values are the API's strings ({@code HIGH},
 * {@code END_TO_END_COMMUNICATIONS}, {@code MONTHLY}).
 */
public final class MaintenanceWindowFact {
    private String id;
    private int sequence;
    private LocalDateTime start;
    private LocalDateTime end;
    private String startMonth;
    private long durationMinutes;
    private Set<String> disrupts = Set.of();
    private boolean consumerAffecting;
    private String declaredImpact;
    private String classification;
    private String kind = "MONTHLY";
    private String complexity;
    private int workingDaysBeforeStart;
    private Integer riskScore;

    /** The window's id in the schedule. */
    public String getId() { return id; }
    public void setId(String v) { id = v; }
    /** 1-based position of the window among all windows of the schedule, in order of start. */
    public int getSequence() { return sequence; }
    public void setSequence(int v) { sequence = v; }
    /** UK local start. */
    public LocalDateTime getStart() { return start; }
    public void setStart(LocalDateTime v) { start = v; }
    /** UK local end. */
    public LocalDateTime getEnd() { return end; }
    public void setEnd(LocalDateTime v) { end = v; }
    /** The month in which the window starts, {@code yyyy-MM}: the month whose limits it counts against. */
    public String getStartMonth() { return startMonth; }
    public void setStartMonth(String v) { startMonth = v; }
    /** Elapsed minutes from start to end (a clock change night counts its real length). */
    public long getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(long v) { durationMinutes = v; }
    /** The services disrupted, or at Material Risk of disruption. */
    public Set<String> getDisrupts() { return disrupts; }
    public void setDisrupts(Set<String> v) { disrupts = v == null ? Set.of() : Set.copyOf(v); }
    /** Whether consumers may be affected (e.g. prepayment top-ups). */
    public boolean isConsumerAffecting() { return consumerAffecting; }
    public void setConsumerAffecting(boolean v) { consumerAffecting = v; }
    /** The impact the DCC declared (HIGH or LOW), or null: checked against the classification. */
    public String getDeclaredImpact() { return declaredImpact; }
    public void setDeclaredImpact(String v) { declaredImpact = v; }
    /** HIGH or LOW, set by the classification rules; null before they fire. */
    public String getClassification() { return classification; }
    public void setClassification(String v) { classification = v; }
    /** MONTHLY (in the monthly schedule) or ADDITIONAL (added by a reissued schedule, SEC H8.4A). */
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    /** HIGH or LOW complexity for the Change Risk Calculator, or null when not given. */
    public String getComplexity() { return complexity; }
    public void setComplexity(String v) { complexity = v; }
    /** Working Days from the publication day (included) to the day the window starts (excluded). */
    public int getWorkingDaysBeforeStart() { return workingDaysBeforeStart; }
    public void setWorkingDaysBeforeStart(int v) { workingDaysBeforeStart = v; }
    /** Change Risk Calculator score (information only), set by the rules when the complexity is given. */
    public Integer getRiskScore() { return riskScore; }
    public void setRiskScore(Integer v) { riskScore = v; }

    /**
     * Whether the window lies within one daily period from {@code from} to {@code to} (UK local {@code HH:mm}); a
     * period whose end is before its start crosses midnight ({@code "20:00", "08:00"}). Called from the rules,
     * which hold the times.
     */
    public boolean withinDailyHours(String from, String to) {
        LocalTime f = LocalTime.parse(from);
        LocalTime t = LocalTime.parse(to);
        LocalTime s = start.toLocalTime();
        LocalDateTime periodEnd;
        if (f.isBefore(t)) {
            if (s.isBefore(f) || !s.isBefore(t)) {
                return false;
            }
            periodEnd = start.toLocalDate().atTime(t);
        } else if (!s.isBefore(f)) {
            periodEnd = start.toLocalDate().plusDays(1).atTime(t);
        } else if (s.isBefore(t)) {
            periodEnd = start.toLocalDate().atTime(t);
        } else {
            return false;
        }
        return !end.isAfter(periodEnd);
    }
}
