package org.secflow.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Platform} has opened, closed in reverse order: on shutdown, and on a failed start-up for whatever
 * was opened before the failure. A resource that is still being started on another thread is pushed as its future:
 * closing waits for it and closes what it made (a start that failed leaves nothing to close). Closing goes on past a
 * failing resource; the first failure is rethrown once everything was closed. Not thread-safe; closes once.
 */
final class ResourceStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceStack.class);
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Pushes {@code resource} (closed before everything pushed earlier) and returns it. */
    <T extends AutoCloseable> T push(T resource) {
        open.push(resource);
        return resource;
    }

    /** Pushes a resource being started elsewhere; closing waits for the start and closes its result. */
    <T extends AutoCloseable> CompletableFuture<T> pushStarting(CompletableFuture<T> starting) {
        open.push(() -> {
            T started;
            try {
                started = starting.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return; // the start failed: nothing was opened
            }
            started.close();
        });
        return starting;
    }

    /** The result of a start pushed with {@link #pushStarting}, rethrowing its failure as it was thrown. */
    static <T> T await(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Starts {@code start} on a new thread named {@code name} (a daemon: it never holds the process up). */
    static <T> CompletableFuture<T> startOnThread(String name, java.util.function.Supplier<T> start) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(start.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("closing failed: {}", e.toString());
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
