package org.secflow.modification;

import java.time.LocalDate;
import org.secflow.problem.ConflictException;

/**
 * What an event makes of a stored modification row, read from the process and the store before the row is written:
 * the stage the process reached, the path, the target SEC Release chosen at the approving decision, the end of the
 * appeal window, open or closed; the MP reference a converted DP becomes known as; the consultation still open.
 * Split from {@link ModificationService}, which holds the order of checks and writes.
 */
final class ModificationRows {
    private final ModificationStore store;
    private final ModificationProcess process;
    private final DecisionReleaseTarget releases;

    ModificationRows(ModificationStore store, ModificationProcess process, DecisionReleaseTarget releases) {
        this.store = store;
        this.process = process;
        this.releases = releases;
    }

    ModificationStore.Row after(ModificationStore.Row r, ModificationEvent e, ModificationStage stage, String alias) {
        ModificationPath path = e.type() == ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL ? e.path() : r.path();
        String target = r.targetRelease();
        LocalDate targetDate = r.targetImplementationDate();
        // targeted once, at the approving decision; a referral upheld later keeps the target of the decision
        boolean decided = (stage == ModificationStage.APPEAL_WINDOW || stage == ModificationStage.APPROVED)
                && r.stage() != ModificationStage.APPEAL_WINDOW && r.stage() != ModificationStage.APPROVED
                && r.targetRelease() == null;
        if (decided) {
            ReleaseRecommendation recommendation = e.recommendation() != null ? e.recommendation() : store.recommendation(r.reference());
            java.util.Optional<TargetRelease> chosen = releases.target(r.reference(), e.date(), r.scope(), recommendation);
            if (chosen.isPresent()) {
                target = chosen.get().release();
                targetDate = chosen.get().implementationDate();
            }
        }
        if (e.type() == ModificationEventType.IMPLEMENTED && target == null) {
            target = e.release();
        }
        LocalDate appealEnd = r.appealWindowEnd();
        if (stage == ModificationStage.APPEAL_WINDOW && r.stage() != ModificationStage.APPEAL_WINDOW) {
            Object end = process.variable(r.processInstanceId(), ModificationProcessBean.APPEAL_WINDOW_END);
            appealEnd = end == null ? null : LocalDate.parse(end.toString());
        }
        return new ModificationStore.Row(r.reference(), alias, r.title(), r.proposer(), r.raisedOn(), r.scope(), stage, path,
                process.isRunning(r.processInstanceId()) ? "OPEN" : "CLOSED", target, targetDate, appealEnd, r.processInstanceId(),
                r.processDefinitionVersion());
    }

    static ModificationStore.Row withStage(ModificationStore.Row r, ModificationStage stage, String pi) {
        return new ModificationStore.Row(r.reference(), r.alias(), r.title(), r.proposer(), r.raisedOn(), r.scope(), stage,
                r.path(), stage.closed() ? "CLOSED" : "OPEN", r.targetRelease(), r.targetImplementationDate(),
                r.appealWindowEnd(), pi, r.processDefinitionVersion());
    }

    /**
     * The consultation of the current stage recorded without an end date and not yet closed by CONSULTATION_CLOSED,
     * or null. A consultation left open when the modification moves on stays without an end date (none was published).
     */
    HistoryEntry openConsultation(ModificationStore.Row row) {
        HistoryEntry open = null;
        for (HistoryEntry h : store.history(row.reference())) {
            if ((h.type().equals(ModificationEventType.REFINEMENT_CONSULTATION.name())
                    || h.type().equals(ModificationEventType.MODIFICATION_REPORT_CONSULTATION.name())) && h.endDate() == null) {
                open = h;
            } else if (h.type().equals(ModificationEventType.CONSULTATION_CLOSED.name())
                    || h.type().equals(ModificationEventType.REFINEMENT_CONSULTATION.name())
                    || h.type().equals(ModificationEventType.MODIFICATION_REPORT_CONSULTATION.name())) {
                open = null;
            }
        }
        return open != null && open.stageAfter() == row.stage() ? open : null;
    }

    /** The MP reference a converted DP becomes known as, refused when another modification already has it. */
    String aliasAfter(ModificationStore.Row row, ModificationEvent e) {
        if (e.type() != ModificationEventType.CONVERTED_TO_MODIFICATION_PROPOSAL || !row.reference().startsWith("DP")
                || row.alias() != null) {
            return row.alias();
        }
        String mp = "MP" + row.reference().substring(2);
        if (store.find(mp).isPresent()) {
            throw new ConflictException("reference", "a converted DPnnn becomes MPnnn, one history under both",
                    "cannot convert " + row.reference() + ": " + mp + " is already another modification");
        }
        return mp;
    }

    ModificationStage stageOf(String processInstanceId, ModificationStage fallback) {
        Object s = process.variable(processInstanceId, ModificationProcessBean.STAGE);
        return s == null ? fallback : ModificationStage.valueOf(s.toString());
    }
}
