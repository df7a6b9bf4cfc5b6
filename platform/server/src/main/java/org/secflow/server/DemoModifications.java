package org.secflow.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secflow.modification.ModificationTimetable;
import org.secflow.modification.ReplayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --demo}: replays every timetable of {@code examples/modifications/} (beside the BPMN directory)
 * through the service, skipping modifications already known (a file database keeps them across restarts).
 */
final class DemoModifications {
    private static final Logger LOG = LoggerFactory.getLogger(DemoModifications.class);

    private DemoModifications() {
    }

    /** The examples folder: {@code <bpmn>/../examples/modifications}. */
    static Path folder(Platform platform) {
        return platform.paths().bpmn().toAbsolutePath().resolveSibling("examples").resolve("modifications");
    }

    /** Replays the folder's timetables; returns what each gave (empty when the folder is missing). */
    static List<ReplayResult> load(Platform platform) {
        Path dir = folder(platform);
        List<ReplayResult> results = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.info("Demo modifications: no folder {}", dir);
            return results;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            LOG.warn("Demo modifications: cannot list {}: {}", dir, e.toString());
            return results;
        }
        files.sort(null);
        // the modifications are independent of one another: replayed two at a time, reported in file order
        java.util.concurrent.ExecutorService replays = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "secflow-demo-modifications");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<ReplayResult>> replayed = new ArrayList<>();
            for (Path f : files) {
                replayed.add(replays.submit(() -> replay(platform, f)));
            }
            for (java.util.concurrent.Future<ReplayResult> r : replayed) {
                ReplayResult result = r.get();
                if (result != null) {
                    results.add(result);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            replays.shutdownNow();
        }
        return results;
    }

    /** Replays one timetable; null when its modification is already known or the file is refused (logged). */
    private static ReplayResult replay(Platform platform, Path f) {
        try {
            ModificationTimetable t = ModificationTimetable.read(f);
            if (platform.modifications().exists(t.reference())) {
                return null;
            }
            ReplayResult r = platform.modifications().replay(t, "demo");
            if (r.ok()) {
                LOG.info("Demo modification {}: {}", r.reference(), r.finalStage());
            } else {
                LOG.warn("Demo modification {}: {} (expected {}), refused {}", r.reference(), r.finalStage(),
                        r.expectedFinalStage(), r.refused());
            }
            return r;
        } catch (RuntimeException e) {
            LOG.warn("Demo modification {} not loaded: {}", f.getFileName(), e.getMessage());
            return null;
        }
    }
}
