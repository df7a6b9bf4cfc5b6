package org.secflow.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: small write transactions from many request threads committed together, so that the durable commit
 * (a log sync on HSQLDB with {@code write_delay=false}) and the store's statement lock are paid once per group
 * instead of once per request. {@link #write} returns only after the caller's rows are committed, so "written before
 * the response is sent" still holds.
 *
 * <p>All or nothing per caller: when a group fails (one caller's statement violates a constraint, say), the group is
 * rolled back and every caller's work runs again in its own transaction, so only the failing caller sees the error
 * and no one's rows are half written. Work given here must therefore only write through the handle it receives (it may
 * run twice, the first run rolled back).
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Most callers in one transaction. */
    static final int MAX_GROUP = 256;

    private final Jdbi jdbi;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    private record Pending(HandleConsumer<? extends Exception> work, CompletableFuture<Void> done) {
    }

    /** Starts one writer thread ({@code secflow-group-commit}). */
    public GroupCommit(Jdbi jdbi) {
        this(jdbi, 1);
    }

    /**
     * Starts {@code writers} writer threads ({@code secflow-group-commit}, {@code -2}...), each committing its own
     * groups. One suits the embedded HSQLDB, whose statements take one lock in turn. On PostgreSQL each statement
     * of a group is a round trip to the server, so one writer caps the callers at a group's round trips; several
     * writers keep that many groups in flight (their rows are distinct: a group that fails, a deadlock too, is run
     * again caller by caller).
     *
     * @throws IllegalArgumentException when {@code writers} is below 1
     */
    public GroupCommit(Jdbi jdbi, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1, got " + writers);
        }
        this.jdbi = jdbi;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::run, "secflow-group-commit" + (i == 1 ? "" : "-" + i));
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    /**
     * Runs {@code work} in a transaction shared with other callers and waits for its commit.
     *
     * @throws RuntimeException what the work threw when run alone (a checked exception wrapped in
     *         {@link IllegalStateException}); {@link IllegalStateException} when closed
     */
    public void write(HandleConsumer<? extends Exception> work) {
        if (closing) {
            throw new IllegalStateException("the store's group commit is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(work, done));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit writer failed; callers of this group get the error", e);
                group.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            jdbi.useTransaction(h -> {
                for (Pending p : group) {
                    runWork(h, p.work());
                }
            });
            group.forEach(p -> p.done().complete(null));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(unwrap(groupFailed));
                return;
            }
            for (Pending p : group) { // each alone: only the failing caller fails
                try {
                    jdbi.useTransaction(h -> runWork(h, p.work()));
                    p.done().complete(null);
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(unwrap(e));
                }
            }
        }
    }

    private static <X extends Exception> void runWork(Handle h, HandleConsumer<X> work) {
        try {
            work.useHandle(h);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static Throwable unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Commits what is queued, then stops the writers (waits up to 10 s in all). */
    @Override
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            for (Thread writer : writers) {
                writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the store's group commit is closed"));
        }
    }
}
