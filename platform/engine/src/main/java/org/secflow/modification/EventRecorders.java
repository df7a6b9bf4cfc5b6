package org.secflow.modification;

import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.problem.ForbiddenException;

/**
 * Who may record which event of a modification (SEC Section D: the Code Administrator, SECAS, records every step;
 * otherwise only the body whose step it is: the Panel converts a Draft Proposal and sets its path, the Change Board
 * votes, the Authority decides, the DCC returns its assessments). Read from the BPMN: the
 * {@value ModificationProcess#RECORDED_BY} property of the message event that catches the event (comma-separated
 * process groups), so a designer changes it in Camunda Modeler without Java. An administrator may record anything,
 * as it may complete any task.
 *
 * <p>A modification is a public SEC governance record, not another Party's data: a User who may not record an event
 * is told so (403), not told that the modification is missing.
 */
final class EventRecorders {
    private final ModificationProcess process;

    EventRecorders(ModificationProcess process) {
        this.process = process;
    }

    /**
     * @throws ForbiddenException (403) naming the event, the BPMN elements and their groups when the User is in none
     */
    void require(User user, String processInstanceId, String reference, ModificationEventType type) {
        if (user.platformRoles().contains(PlatformRole.ADMIN)) {
            return;
        }
        ModificationProcess.RecordedBy who = process.recordedBy(processInstanceId, type.name());
        if (who.groups().stream().noneMatch(user.groups()::contains)) {
            throw new ForbiddenException(type + " is recorded only by the process groups " + who.groups()
                    + " (BPMN " + ModificationProcess.RECORDED_BY + " of " + who.elements() + " in bpmn/modification-lifecycle.bpmn;"
                    + " SEC Section D: the Code Administrator or the body whose step it is)",
                    "user " + user.userId() + " (groups " + user.groups().stream().sorted().toList() + ") may not record "
                            + type + " for " + reference);
        }
    }
}
