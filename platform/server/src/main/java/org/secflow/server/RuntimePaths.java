package org.secflow.server;

import java.nio.file.Path;

/**
 * The folders a running secflow uses.
 *
 * @param data database folder (embedded HSQLDB file), created when missing
 * @param plugins plugins directory, one sub-folder per plugin
 * @param rules rules directory (.drl and decision tables), read at run time
 * @param bpmn process directory (.bpmn), deployed at run time
 */
public record RuntimePaths(Path data, Path plugins, Path rules, Path bpmn) {
}
