package org.secflow.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in service: one {@link LoadedRules} version at a time, swapped atomically on reload. A new version is
 * built beside the old one; when it is refused the old one keeps serving and the attempt is kept for
 * {@code GET /api/rules}. Optionally watches the directory and reloads on change.
 */
public final class RuleBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBase.class);
    /** Versions kept for rollback. */
    public static final int KEPT_VERSIONS = 5;

    private final RuleLoader loader;
    private final Path dir;
    private final AtomicReference<LoadedRules> current = new AtomicReference<>();
    private final AtomicReference<RefusedAttempt> lastRefused = new AtomicReference<>();
    private final Deque<LoadedRules> previous = new ArrayDeque<>();
    private final RuleSetCheck check;
    private final Clock clock;
    private WatchService watcher;
    private Thread watchThread;

    /**
     * Loads the rules of {@code dir}.
     *
     * @throws RuleLoadException when the directory's rules do not build (nothing to serve then)
     */
    public RuleBase(Path dir, Clock clock) {
        this(dir, clock, DecisionLimits.DEFAULTS, RuleSetCheck.NONE);
    }

    /**
     * Loads the rules of {@code dir}; every decision runs within {@code limits} and every reload must pass
     * {@code check} (the first load serves what builds, so that a platform with failing cases still starts).
     *
     * @throws RuleLoadException when the directory's rules do not build (nothing to serve then)
     */
    public RuleBase(Path dir, Clock clock, DecisionLimits limits, RuleSetCheck check) {
        this.dir = dir;
        this.clock = clock;
        this.check = java.util.Objects.requireNonNull(check, "check");
        this.loader = new RuleLoader(clock, limits);
        LoadedRules first = loader.load(dir);
        current.set(first);
        LOG.info("Rules {} loaded from {}: {} rules in {} files", first.version(), dir, first.ruleCount(), first.files().size());
    }

    /** How long firings of every version loaded here took (reloads and rollbacks keep counting on). */
    public RuleTimings timings() {
        return loader.timings();
    }

    /** The version in service. */
    public LoadedRules current() {
        return current.get();
    }

    /** The rules directory. */
    public Path directory() {
        return dir;
    }

    /** The last refused reload, if any since start. */
    public Optional<RefusedAttempt> lastRefused() {
        return Optional.ofNullable(lastRefused.get());
    }

    /**
     * Rebuilds from the directory, runs the {@link RuleSetCheck} against the new version and swaps when it passes;
     * the version it replaces is kept for {@link #rollback()} (the last {@value #KEPT_VERSIONS}).
     *
     * @return the new version
     * @throws RuleLoadException with file, line and message; the previous version keeps serving
     * @throws RuleCasesFailedException when a scenario case fails against the new version; the previous version
     *     keeps serving
     */
    public synchronized LoadedRules reload() {
        try {
            LoadedRules next = loader.load(dir);
            List<RuleError> failing;
            try {
                failing = check.failures(next, dir);
            } catch (RuleLoadException e) {
                throw e;
            } catch (RuntimeException e) {
                failing = List.of(new RuleError(dir.getFileName() == null ? "rules" : dir.getFileName().toString(), 0,
                        "the scenario tables could not be run: " + e.getMessage()));
            }
            if (!failing.isEmpty()) {
                throw new RuleCasesFailedException(failing);
            }
            previous.push(current.get());
            while (previous.size() > KEPT_VERSIONS) {
                previous.removeLast();
            }
            current.set(next);
            LOG.info("Rules {} loaded from {}: {} rules in {} files", next.version(), dir, next.ruleCount(), next.files().size());
            return next;
        } catch (RuleLoadException e) {
            lastRefused.set(new RefusedAttempt(clock.instant(), e.errors()));
            LOG.warn("Rules reload refused, {} keeps serving: {}", current.get().version(), e.errors());
            throw e;
        }
    }

    /**
     * Puts the version the last reload replaced back in service (the files on disk are not touched: the next reload
     * builds them again).
     *
     * @return the version now in service
     * @throws org.secflow.problem.ConflictException when no earlier version is kept
     */
    public synchronized LoadedRules rollback() {
        LoadedRules back = previous.poll();
        if (back == null) {
            throw new org.secflow.problem.ConflictException("rules", "a rollback returns to the version a reload replaced",
                    "no earlier rules version is kept since start; " + current.get().version() + " keeps serving");
        }
        LoadedRules from = current.getAndSet(back);
        LOG.info("Rules rolled back from {} to {}", from.version(), back.version());
        return back;
    }

    /** Versions kept for {@link #rollback()}, newest first. */
    public synchronized List<String> previousVersions() {
        return previous.stream().map(LoadedRules::version).toList();
    }

    /** Starts a file watcher that reloads (debounced by {@code debounceMs}) when a file of the directory changes. */
    public synchronized void watch(long debounceMs) throws IOException {
        if (watcher != null) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        WatchService ws = watcher;
        watchThread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = ws.take();
                    Thread.sleep(debounceMs);
                    key.pollEvents();
                    WatchKey more;
                    while ((more = ws.poll(0, TimeUnit.MILLISECONDS)) != null) {
                        more.pollEvents();
                        more.reset();
                    }
                    key.reset();
                    try {
                        reload();
                    } catch (RuleLoadException refused) {
                        // logged and kept in lastRefused
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
            }
        }, "secflow-rules-watcher");
        watchThread.setDaemon(true);
        watchThread.start();
        LOG.info("Watching {} for rule changes", dir);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            watchThread.interrupt();
            watcher = null;
        }
    }
}
