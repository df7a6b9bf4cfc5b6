package org.secflow.modification;

import java.time.LocalDate;
import java.util.List;

/**
 * A modification as {@code GET /api/modifications/{reference}} shows it.
 *
 * @param reference the reference it was raised under (DPnnn or MPnnn)
 * @param aliasReference the MPnnn a converted DPnnn is also known as, or null
 * @param title title
 * @param proposer proposer
 * @param raisedOn date the Draft Proposal was raised
 * @param scope what the change needs from its release, as raised or defaulted ({@link ReleaseScope#DEFAULT}); used
 *              for release targeting
 * @param stage current stage (set by the process)
 * @param path path set by the Panel, or null before conversion
 * @param status {@code OPEN} while the process runs, {@code CLOSED} once implemented, rejected or withdrawn
 * @param targetRelease the SEC Release targeted at the decision (release targeting), or the one an IMPLEMENTED
 *                      event named; null when none yet
 * @param targetImplementationDate go-live day of the release targeted at the decision (for an ad-hoc scope: the
 *                      decision plus its Working Days), or null
 * @param appealWindowEnd last Working Day of the appeal window (Self-Governance approvals), or null
 * @param processDefinitionVersion version of {@code modification-lifecycle} the modification runs on
 * @param allowedEvents event types the process allows now (its message subscriptions), sorted
 * @param openTasks open user tasks
 * @param history every recorded event, in order
 */
public record ModificationView(String reference, String aliasReference, String title, String proposer, LocalDate raisedOn,
                               ReleaseScope scope, ModificationStage stage, ModificationPath path, String status,
                               String targetRelease, LocalDate targetImplementationDate, LocalDate appealWindowEnd, Integer processDefinitionVersion, List<String> allowedEvents,
                               List<ModificationTask> openTasks, List<HistoryEntry> history) {
}
