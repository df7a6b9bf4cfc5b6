package org.secflow.modification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The Camunda side of modifications: the process {@value #KEY} ({@code bpmn/modification-lifecycle.bpmn}), started
 * with the reference as business key; events are correlated as messages named after the event type to the one
 * instance; the allowed events are the instance's message subscriptions.
 */
final class ModificationProcess {
    /** Process definition key. */
    static final String KEY = "modification-lifecycle";
    /** BPMN extension property of a user task: the event type completing the task posts. */
    static final String COMPLETES_WITH = "secflow.completesWith";
    /**
     * BPMN extension property of a message event: the process groups (comma-separated) that may record it. An event
     * without it may be recorded by {@value #DEFAULT_RECORDED_BY} only.
     */
    static final String RECORDED_BY = "secflow.recordedBy";
    /** Who records an event whose BPMN element names nobody: the Code Administrator. */
    static final String DEFAULT_RECORDED_BY = "secas";

    private final ProcessEngine engine;
    private final Map<String, Optional<String>> completesWith = new ConcurrentHashMap<>();
    private final Map<String, RecordedBy> recordedBy = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> recordedByElement = new ConcurrentHashMap<>();

    ModificationProcess(ProcessEngine engine) {
        this.engine = engine;
    }

    ProcessInstance start(String reference, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, reference, variables);
    }

    int version(String processDefinitionId) {
        return engine.getRepositoryService().getProcessDefinition(processDefinitionId).getVersion();
    }

    void delete(String processInstanceId, String reason) {
        engine.getRuntimeService().deleteProcessInstanceIfExists(processInstanceId, reason, true, true, true, true);
    }

    /** Names of the messages the instance waits for now (empty once it has ended), sorted. */
    List<String> allowedEvents(String processInstanceId) {
        return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").list().stream().map(EventSubscription::getEventName).distinct().sorted().toList();
    }

    /** Whether the instance still runs (has not reached an end event). */
    boolean isRunning(String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * Who may record {@code message} for the instance now: the {@value #RECORDED_BY} groups of the message events
     * that wait for it; when none waits, of every message event of the instance's process definition that catches
     * it (so that a User gets 403 rather than 409 for an event no group of theirs may ever record).
     *
     * @return the groups and the elements they were read from; no groups when the definition has no such event
     */
    RecordedBy recordedBy(String processInstanceId, String message) {
        List<String> waiting = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(message).list().stream().map(EventSubscription::getActivityId).distinct().sorted().toList();
        String definitionId = definitionOf(processInstanceId);
        if (definitionId == null) {
            return new RecordedBy(java.util.Set.of(), List.of());
        }
        if (!waiting.isEmpty()) {
            java.util.Set<String> groups = new java.util.TreeSet<>();
            waiting.forEach(a -> groups.addAll(recordedByOf(definitionId, a)));
            return new RecordedBy(groups, waiting);
        }
        return recordedBy.computeIfAbsent(definitionId + "/" + message, k -> {
            org.camunda.bpm.model.bpmn.BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
            java.util.Set<String> groups = new java.util.TreeSet<>();
            List<String> elements = new ArrayList<>();
            for (org.camunda.bpm.model.bpmn.instance.MessageEventDefinition d
                    : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class)) {
                if (d.getMessage() != null && message.equals(d.getMessage().getName())
                        && d.getParentElement() instanceof BaseElement event) {
                    elements.add(event.getId());
                    groups.addAll(recordedByOf(definitionId, event.getId()));
                }
            }
            return new RecordedBy(groups, elements.stream().sorted().toList());
        });
    }

    /**
     * Groups that may record an event, read from the BPMN.
     *
     * @param groups process groups ({@code secas}, {@code panel}, ...)
     * @param elements ids of the BPMN message events they were read from
     */
    record RecordedBy(java.util.Set<String> groups, List<String> elements) {
    }

    private java.util.Set<String> recordedByOf(String definitionId, String elementId) {
        // a deployed definition never changes: its groups are read from the BPMN once
        return recordedByElement.computeIfAbsent(definitionId + "/" + elementId, k -> groupsOf(definitionId, elementId));
    }

    private java.util.Set<String> groupsOf(String definitionId, String elementId) {
        String value = property(definitionId, elementId, RECORDED_BY).orElse(DEFAULT_RECORDED_BY);
        java.util.Set<String> groups = new java.util.TreeSet<>();
        for (String g : value.split(",")) {
            if (!g.isBlank()) {
                groups.add(g.trim());
            }
        }
        return java.util.Collections.unmodifiableSet(groups);
    }

    private String definitionOf(String processInstanceId) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (pi != null) {
            return pi.getProcessDefinitionId();
        }
        org.camunda.bpm.engine.history.HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return h == null ? null : h.getProcessDefinitionId();
    }

    /** Correlates {@code message} to the instance, setting {@code variables} first. */
    void correlate(String processInstanceId, String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(processInstanceId)
                .setVariables(variables).correlateWithResult();
    }

    /** A process variable of a running or ended instance, or null. */
    Object variable(String processInstanceId, String name) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (pi != null) {
            return engine.getRuntimeService().getVariable(processInstanceId, name);
        }
        List<HistoricVariableInstance> h = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).list();
        return h.isEmpty() ? null : h.get(0).getValue();
    }

    /** Open tasks of one instance. */
    List<ModificationTask> tasks(String processInstanceId, String reference) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc()
                .list().stream().map(t -> task(t, reference)).toList();
    }

    /** Open tasks of every modification for these candidate groups (all when {@code groups} is null). */
    List<ModificationTask> tasks(Collection<String> groups) {
        TaskQuery q = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).active();
        if (groups != null) {
            if (groups.isEmpty()) {
                return List.of();
            }
            q = q.taskCandidateGroupIn(new ArrayList<>(groups));
        }
        return q.orderByTaskCreateTime().asc().list().stream().map(t -> task(t, businessKey(t))).toList();
    }

    Optional<ModificationTask> task(String taskId) {
        Task t = engine.getTaskService().createTaskQuery().taskId(taskId).processDefinitionKey(KEY).singleResult();
        return Optional.ofNullable(t).map(x -> task(x, businessKey(x)));
    }

    String processInstanceOf(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    }

    void complete(String taskId, Map<String, Object> variables) {
        engine.getTaskService().complete(taskId, variables);
    }

    private String businessKey(Task t) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(t.getProcessInstanceId()).singleResult();
        return pi == null ? null : pi.getBusinessKey();
    }

    private ModificationTask task(Task t, String reference) {
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        return new ModificationTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), reference, groups,
                completesWith(t.getProcessDefinitionId(), t.getTaskDefinitionKey()).orElse(null),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant());
    }

    private Optional<String> completesWith(String definitionId, String taskKey) {
        return completesWith.computeIfAbsent(definitionId + "/" + taskKey, k -> property(definitionId, taskKey, COMPLETES_WITH));
    }

    /** A camunda:properties extension property of a BPMN element, or empty. */
    private Optional<String> property(String definitionId, String elementId, String name) {
        BaseElement e = engine.getRepositoryService().getBpmnModelInstance(definitionId).getModelElementById(elementId);
        ExtensionElements ext = e == null ? null : e.getExtensionElements();
        if (ext == null) {
            return Optional.empty();
        }
        return ext.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst();
    }
}
