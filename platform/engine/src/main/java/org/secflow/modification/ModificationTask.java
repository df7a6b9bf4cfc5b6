package org.secflow.modification;

import java.time.Instant;
import java.util.List;

/**
 * An open user task of a modification's process.
 *
 * @param id Camunda task id ({@code POST /api/tasks/{id}/complete})
 * @param name the task's name in the BPMN
 * @param taskKey the task's element id in the BPMN, e.g. {@code preliminaryAssessment}
 * @param reference the modification (process business key)
 * @param candidateGroups groups whose members may complete it, e.g. {@code [dcc]}
 * @param completesWith the event completing it posts (BPMN property {@code secflow.completesWith}), or null when
 *                      completing simply moves the process on
 * @param created wall-clock creation time (audit only)
 */
public record ModificationTask(String id, String name, String taskKey, String reference, List<String> candidateGroups,
                               String completesWith, Instant created) {
}
