package org.secflow.workflow;

import java.time.Instant;

/**
 * A deployed process definition as {@code GET /api/processes} lists it.
 *
 * @param key process definition key (the BPMN process id)
 * @param name process name, or null
 * @param version Camunda's version number, 1 for the first deployment of the key
 * @param id Camunda's process definition id
 * @param file the {@code .bpmn} file it came from
 * @param deployedAt when that version was deployed
 * @param latest whether new instances start on this version
 */
public record ProcessDefinitionInfo(String key, String name, int version, String id, String file,
                                    Instant deployedAt, boolean latest) {
}
