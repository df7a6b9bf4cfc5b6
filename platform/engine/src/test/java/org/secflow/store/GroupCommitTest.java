package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on the database the run selects, with the production schema (the decision audit table) and the
 * one writer on HSQLDB and four on PostgreSQL (the platform runs one on both; several writers are kept tested).
 */
class GroupCommitTest {
    private Database database;
    private GroupCommit writes;

    @BeforeEach
    void open() {
        database = FreshDatabase.open();
        writes = new GroupCommit(database.jdbi(), database.isPostgresql() ? 4 : 1);
    }

    @AfterEach
    void close() {
        writes.close();
        database.close();
    }

    /** Two audit rows for {@code user}; the second breaks the outcome check when {@code outcome} is not allowed. */
    private static void twoRows(Handle h, String user, String outcome) {
        for (String o : List.of("ACCEPTED", outcome)) {
            h.createUpdate("""
                    INSERT INTO decision_audit (decided_at, user_id, party, srv, outcome, ruleset_version)
                    VALUES (:at, :user, 'P', '8.2', :outcome, 'v1')""")
                    .bind("at", Timestamp.from(Instant.EPOCH)).bind("user", user).bind("outcome", o).execute();
        }
    }

    private long rows(String user) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM decision_audit WHERE user_id = :u")
                .bind("u", user).mapTo(Long.class).one());
    }

    @Test
    void everyCallersRowsAreCommittedWhenItReturns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> seen = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String user = "u" + i;
                seen.add(pool.submit(() -> {
                    writes.write(h -> twoRows(h, user, "REJECTED"));
                    return rows(user); // read on another connection: committed, not merely written
                }));
            }
            for (Future<Long> f : seen) {
                assertThat(f.get()).isEqualTo(2);
            }
        } finally {
            pool.shutdown();
        }
        long all = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM decision_audit").mapTo(Long.class).one());
        assertThat(all).isEqualTo(800);
    }

    @Test
    void aFailingCallerGetsItsErrorWritesNothingAndTheOthersOfItsGroupAreCommitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String user = "u" + i;
                String outcome = i % 50 == 7 ? "MAYBE" : "ACCEPTED"; // breaks decision_audit_outcome
                calls.add(pool.submit(() -> writes.write(h -> twoRows(h, user, outcome))));
            }
            assertOnlyTheFailingCallersLostTheirRows(calls, "u", 7);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void batchedRowsOfManyCallersCommitTogetherAndAFailingCallersRowsAreNotWritten() throws Exception {
        String insert = """
                INSERT INTO decision_audit (decided_at, user_id, party, srv, outcome, ruleset_version)
                VALUES (:at, :user, 'P', '8.2', :outcome, 'v1')""";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String user = "b" + i;
                String outcome = i % 50 == 9 ? "MAYBE" : "ACCEPTED"; // breaks decision_audit_outcome
                calls.add(pool.submit(() -> writes.writeBatched((h, batches) -> {
                    for (String o : List.of("ACCEPTED", outcome)) {
                        batches.add(insert).bind("at", Timestamp.from(Instant.EPOCH)).bind("user", user).bind("outcome", o).add();
                    }
                })));
            }
            assertOnlyTheFailingCallersLostTheirRows(calls, "b", 9);
        } finally {
            pool.shutdown();
        }
    }

    /** Caller i (user {@code prefix + i}) failed on the outcome check and wrote nothing when i % 50 == failing, else committed its two rows by the time it returned. */
    private void assertOnlyTheFailingCallersLostTheirRows(List<Future<?>> calls, String prefix, int failing) throws Exception {
        for (int i = 0; i < calls.size(); i++) {
            Future<?> f = calls.get(i);
            if (i % 50 == failing) {
                assertThatThrownBy(f::get).message().containsIgnoringCase("decision_audit_outcome");
                assertThat(rows(prefix + i)).as("no partial write for the failing caller").isZero();
            } else {
                f.get();
                assertThat(rows(prefix + i)).as("both rows, committed when the call returned").isEqualTo(2);
            }
        }
    }

    @Test
    void refusesWorkOnceClosed() {
        writes.close();

        assertThatThrownBy(() -> writes.write(h -> twoRows(h, "late", "ACCEPTED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(rows("late")).isZero();
    }
}
