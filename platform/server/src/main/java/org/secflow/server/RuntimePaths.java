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
    /** File in the data folder holding {@link #nodeId()}. */
    static final String NODE_ID_FILE = "node-id";

    /**
     * This process's id among the secflow processes that share a database: a UUID kept in {@code <data>/node-id},
     * made on first use, so that a process restarted on the same data folder is the same node (it hands its own
     * future-dated Service Requests to the DSP again, and no other process does).
     *
     * @throws java.io.UncheckedIOException when the file can be neither read nor written
     */
    public String nodeId() {
        Path file = data.resolve(NODE_ID_FILE);
        try {
            if (java.nio.file.Files.exists(file)) {
                String id = java.nio.file.Files.readString(file).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            java.nio.file.Files.createDirectories(data);
            String id = java.util.UUID.randomUUID().toString();
            Path tmp = data.resolve(NODE_ID_FILE + ".tmp");
            java.nio.file.Files.writeString(tmp, id + "\n");
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }
}
