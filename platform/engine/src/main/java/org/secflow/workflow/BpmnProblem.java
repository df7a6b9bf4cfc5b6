package org.secflow.workflow;

/**
 * One error Camunda's BPMN parser reported for a file.
 *
 * @param file file name in the BPMN directory
 * @param message the parser's message
 * @param element id of the BPMN element concerned, or null
 * @param line line in the file, or null when the parser did not say
 * @param column column in the file, or null
 */
public record BpmnProblem(String file, String message, String element, Integer line, Integer column) {
}
