package org.secflow.modification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * A task of the modification lifecycle is offered only to the groups that may record the event completing it: its
 * {@code camunda:candidateGroups} lie within the {@value ModificationProcess#RECORDED_BY} of the message boundary
 * events that catch its {@value ModificationProcess#COMPLETES_WITH} event (on the task or on a sub-process around
 * it). Otherwise a body would be shown a task it is then refused to complete (SEC Section D: the Code Administrator
 * or the body whose step it is records each step).
 */
class TaskGroupsMatchRecordersTest {
    private static final File LIFECYCLE =
            new File(System.getProperty("secflow.bpmn", "../../bpmn"), "modification-lifecycle.bpmn");

    @Test
    void everyTaskIsOfferedOnlyToGroupsThatMayRecordItsCompletingEvent() {
        BpmnModelInstance model = Bpmn.readModelFromFile(LIFECYCLE);
        List<UserTask> completing = model.getModelElementsByType(UserTask.class).stream()
                .filter(t -> property(t, ModificationProcess.COMPLETES_WITH) != null)
                .toList();
        assertThat(completing).extracting(UserTask::getId).contains("draftProposal", "reportPhase", "refinementWork");

        for (UserTask task : completing) {
            String message = property(task, ModificationProcess.COMPLETES_WITH);
            Set<String> recorders = recordersAround(model, task, message);
            assertThat(recorders).as("recorders of %s around task %s", message, task.getId()).isNotEmpty();
            assertThat(groups(task.getCamundaCandidateGroups()))
                    .as("candidate groups of task %s (completes with %s, recorded by %s)", task.getId(), message, recorders)
                    .isSubsetOf(recorders);
        }
    }

    private static Set<String> recordersAround(BpmnModelInstance model, UserTask task, String message) {
        Set<String> scopes = new HashSet<>();
        for (ModelElementInstance e = task; e != null; e = e.getParentElement()) {
            if (e instanceof Activity a) {
                scopes.add(a.getId());
            }
        }
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> scopes.contains(b.getAttachedTo().getId()))
                .filter(b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof MessageEventDefinition m
                        && m.getMessage() != null && message.equals(m.getMessage().getName())))
                .flatMap(b -> groups(property(b, ModificationProcess.RECORDED_BY)).stream())
                .collect(Collectors.toSet());
    }

    private static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    private static Set<String> groups(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
