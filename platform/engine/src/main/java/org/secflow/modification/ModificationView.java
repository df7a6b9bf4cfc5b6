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
 * @param recommendation its Modification Report's recommended implementation approach (empty list: none; release
 *                       targeting then uses the SEC Release calendar)
 * @param stage current stage (set by the process)
 * @param path path set by the Panel, or null before conversion
 * @param status {@code OPEN} while the process runs (also while an implemented modification is subject to referral),
 *               {@code CLOSED} once it has ended
 * @param targetRelease the SEC Release targeted at the decision (release targeting), or the one an IMPLEMENTED
 *                      event named; null when none yet
 * @param targetImplementationDate go-live day of the release targeted at the decision (for an ad-hoc scope: the
 *                      decision plus its Working Days), or null
 * @param appealWindowEnd last Working Day of the Self-Governance referral (appeal) window, or null
 * @param subjectToReferralUntil for a modification implemented inside the referral window: the window's last day,
 *                               until which a referral to the Authority may still overturn it (and back it out of
 *                               the SEC); null otherwise
 * @param openConsultation the consultation of the current stage recorded without an end date and not yet closed, or null
 * @param processDefinitionVersion version of {@code modification-lifecycle} the modification runs on
 * @param allowedEvents event types the process allows now (its message subscriptions), sorted
 * @param openTasks open user tasks
 * @param history every recorded event, in order
 */
public record ModificationView(String reference, String aliasReference, String title, String proposer, LocalDate raisedOn,
                               ReleaseScope scope, ReleaseRecommendation recommendation, ModificationStage stage,
                               ModificationPath path, String status, String targetRelease, LocalDate targetImplementationDate,
                               LocalDate appealWindowEnd, LocalDate subjectToReferralUntil, OpenConsultation openConsultation,
                               Integer processDefinitionVersion, List<String> allowedEvents,
                               List<ModificationTask> openTasks, List<HistoryEntry> history) {

    /**
     * A consultation recorded without its end date.
     *
     * @param type {@code REFINEMENT_CONSULTATION} or {@code MODIFICATION_REPORT_CONSULTATION}
     * @param openedOn its start date
     */
    public record OpenConsultation(String type, LocalDate openedOn) {
    }
}
