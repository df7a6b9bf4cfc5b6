package org.secflow.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
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
 *
 * <p>Rows many callers insert alike are best added to the group's {@link Batches} ({@link #writeBatched}): each
 * statement then runs once per group with every caller's rows, one round trip to a PostgreSQL server instead of one
 * per row (the HTTP rate on PostgreSQL rose by half, docs/performance.md).
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Most callers in one transaction. */
    static final int MAX_GROUP = 256;

    private final Jdbi jdbi;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    private record Pending(Work work, CompletableFuture<Void> done) {
    }

    /** Work of one caller: statements on the group's handle, and rows added to the group's batches. */
    @FunctionalInterface
    public interface Work {
        void write(Handle h, Batches batches) throws Exception;
    }

    /**
     * The batched statements of one group's transaction: each caller adds its rows with {@link #add}; the group runs
     * each statement once, with all rows, after the last caller's work and before its commit, in the order the
     * statements were first used (a statement whose rows refer to another's, by foreign key, is first used after it).
     * A caller reads none of its batched rows back within its own work.
     */
    public static final class Batches {
        private final Handle h;
        private final Map<String, PreparedBatch> bySql = new LinkedHashMap<>();

        Batches(Handle h) {
            this.h = h;
        }

        /** The group's batch of {@code sql} (named parameters): bind one row's values and call {@code add()}. */
        public PreparedBatch add(String sql) {
            return bySql.computeIfAbsent(sql, h::prepareBatch);
        }

        void run() {
            for (PreparedBatch b : bySql.values()) {
                if (b.size() > 0) {
                    b.execute();
                }
            }
            bySql.clear();
        }
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
        writeBatched((h, batches) -> work.useHandle(h));
    }

    /**
     * As {@link #write}, the work adding rows to the group's {@link Batches} too; returns after they are committed.
     *
     * @throws RuntimeException what the work or its batched rows threw when run alone (a checked exception wrapped in
     *         {@link IllegalStateException}); {@link IllegalStateException} when closed
     */
    public void writeBatched(Work work) {
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
                Batches batches = new Batches(h);
                for (Pending p : group) {
                    runWork(h, batches, p.work());
                }
                batches.run();
            });
            group.forEach(p -> p.done().complete(null));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(unwrap(groupFailed));
                return;
            }
            for (Pending p : group) { // each alone: only the failing caller fails
                try {
                    jdbi.useTransaction(h -> {
                        Batches batches = new Batches(h);
                        runWork(h, batches, p.work());
                        batches.run();
                    });
                    p.done().complete(null);
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(unwrap(e));
                }
            }
        }
    }

    private static void runWork(Handle h, Batches batches, Work work) {
        try {
            work.write(h, batches);
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
