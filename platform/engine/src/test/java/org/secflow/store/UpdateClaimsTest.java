package org.secflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.updates.FirmwareUpdateClaims;
import org.secflow.updates.FirmwareUpdateClaims.Claim;

/**
 * The database-kept firmware update claims (one update in progress per device, one device per HAN), on the database
 * the run selects; with two pools on one database standing for two processes.
 */
class UpdateClaimsTest {
    private static final Instant AT = Instant.parse("2027-01-01T00:00:00Z");
    private Database database;

    @BeforeEach
    void open() {
        database = FreshDatabase.open();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDeviceOrAHanHeldByOneHolderIsRefusedToAnotherUntilReleasedAndGivenAgainToItsHolder() {
        FirmwareUpdateClaims claims = new FirmwareUpdateClaims();
        database.jdbi().useTransaction(h -> {
            assertThat(claims.claim(h, "campaign-1", List.of(new Claim("D1", "HUB1")), AT)).containsExactly(true);
            assertThat(claims.claimDevice(h, "request-1", "D1", AT)).isFalse();
            assertThat(claims.claim(h, "campaign-2", List.of(new Claim("D2", "HUB1"), new Claim("D3", "HUB2")), AT))
                    .containsExactly(false, true);
            assertThat(FirmwareUpdateClaims.deviceClaimed(h, "D2")).as("nothing kept of a claim not taken whole").isFalse();
            assertThat(claims.claim(h, "campaign-1", List.of(new Claim("D1", "HUB1")), AT)).as("its own again").containsExactly(true);
            claims.release(h, "campaign-1", List.of("D1"));
            assertThat(FirmwareUpdateClaims.hanClaimed(h, "HUB1")).isFalse();
            assertThat(claims.claim(h, "campaign-2", List.of(new Claim("D2", "HUB1")), AT)).containsExactly(true);
            assertThat(claims.claimDevice(h, "request-1", "D1", AT)).isTrue();
        });
    }

    @Test
    void twoPoolsClaimingTheSameDevicesAtOnceGiveEachDeviceAndEachHanToOneHolder() throws Exception {
        DatabaseSettings second = new DatabaseSettings(database.dataSource() instanceof com.zaxxer.hikari.HikariDataSource d
                ? d.getJdbcUrl() : null, username(), password(), 4);
        try (Database other = Database.open(second)) {
            List<Claim> wanted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                wanted.add(new Claim("D" + i, "HUB" + (i / 2))); // two devices per HAN
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<boolean[]>> results = new ArrayList<>();
                int holder = 0;
                for (Database db : List.of(database, other, database, other)) {
                    String name = "holder-" + holder++;
                    FirmwareUpdateClaims claims = new FirmwareUpdateClaims();
                    Callable<boolean[]> work = () -> {
                        List<Claim> mine = new ArrayList<>(wanted);
                        java.util.Collections.shuffle(mine, new java.util.Random(name.hashCode()));
                        boolean[] got = new boolean[mine.size()];
                        for (int i = 0; i < mine.size(); i++) {
                            Claim c = mine.get(i);
                            got[i] = db.jdbi().inTransaction(h -> claims.claim(h, name, List.of(c), AT)[0]);
                        }
                        return got;
                    };
                    results.add(pool.submit(work));
                }
                int taken = 0;
                for (Future<boolean[]> f : results) {
                    for (boolean b : f.get()) {
                        taken += b ? 1 : 0;
                    }
                }
                assertThat(taken).as("one claim per HAN").isEqualTo(100);
            } finally {
                pool.shutdownNow();
            }
            List<String> hans = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT comms_hub_id FROM han_update_claim").mapTo(String.class).list());
            assertThat(hans).hasSize(100).doesNotHaveDuplicates();
            long devices = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM device_update_claim").mapTo(Long.class).one());
            assertThat(devices).as("a device is claimed only with its HAN").isEqualTo(100);
        }
    }

    private String username() {
        return ((com.zaxxer.hikari.HikariDataSource) database.dataSource()).getUsername();
    }

    private String password() {
        return ((com.zaxxer.hikari.HikariDataSource) database.dataSource()).getPassword();
    }
}
