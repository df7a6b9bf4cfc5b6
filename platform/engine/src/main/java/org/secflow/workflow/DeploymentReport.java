package org.secflow.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What one deployment of the BPMN directory did.
 *
 * @param at when it ran
 * @param deployed files deployed as a new version
 * @param unchanged files identical to the version already deployed (Camunda's duplicate filtering)
 * @param refused parser errors of files that were not deployed; their previous version keeps running
 */
public record DeploymentReport(Instant at, List<String> deployed, List<String> unchanged, List<BpmnProblem> refused) {
    public DeploymentReport {
        deployed = List.copyOf(deployed);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** Whether every file deployed or was unchanged. */
    public boolean ok() {
        return refused.isEmpty();
    }
}
