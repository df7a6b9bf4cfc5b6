package org.secflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/** The SMI read model against a hand-written store (a map that counts its reads); the platform's use is in CampaignApiTest. */
class SmiReadModelTest {
    private static final String PPMID = "00-DB-12-34-56-78-90-A0";
    private static final String ESME = "00-DB-12-34-56-78-90-A1";

    private final Map<String, Device> rows = new HashMap<>(Map.of(PPMID, device(PPMID, "1.0.0"), ESME, device(ESME, "2.0.0")));
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<Device>> store = id -> {
        reads.incrementAndGet();
        return Optional.ofNullable(rows.get(id));
    };

    private static Device device(String id, String firmware) {
        Instant at = Instant.parse("2026-11-22T00:00:00Z");
        return new Device(id, DeviceType.PPMID, null, "M", "P1", firmware, false, false, SmiStatus.COMMISSIONED,
                null, Region.NORTH, "1234567890123", null, "SUPPLIER-A", null, null, null, at, at);
    }

    @Test
    void keepsADeviceReadFromTheStoreAndAnswersTheNextReadFromMemory() {
        SmiReadModel model = SmiReadModel.keeping(10);
        assertThat(model.find(PPMID, store)).contains(rows.get(PPMID));
        assertThat(model.find(PPMID, store)).contains(rows.get(PPMID));
        assertThat(reads).hasValue(1);
        assertThat(model.size()).isEqualTo(1);
    }

    @Test
    void doesNotKeepADeviceThatIsNotInTheSmiSoAPreNotificationNeedsNoEviction() {
        SmiReadModel model = SmiReadModel.keeping(10);
        String unknown = "00-DB-12-34-56-78-90-FF";
        assertThat(model.find(unknown, store)).isEmpty();
        rows.put(unknown, device(unknown, "1.0.0"));
        assertThat(model.find(unknown, store)).contains(rows.get(unknown));
    }

    @Test
    void evictsTheDevicesAWriteNamesAfterItSoTheNextReadSeesTheCommittedValue() {
        SmiReadModel model = SmiReadModel.keeping(10);
        model.find(PPMID, store);
        model.find(ESME, store);
        String written = model.writing(List.of(PPMID), () -> {
            rows.put(PPMID, device(PPMID, "1.1.0"));
            return "committed";
        });
        assertThat(written).isEqualTo("committed");
        assertThat(model.find(PPMID, store).orElseThrow().firmwareVersion()).isEqualTo("1.1.0");
        assertThat(model.find(ESME, store).orElseThrow().firmwareVersion()).isEqualTo("2.0.0");
        assertThat(reads).as("ESME still kept, PPMID read again").hasValue(3);
    }

    @Test
    void evictsEveryDeviceForAWriteThatNamesNone() {
        SmiReadModel model = SmiReadModel.keeping(10);
        model.find(PPMID, store);
        model.find(ESME, store);
        model.writing(null, () -> null);
        assertThat(model.size()).isZero();
    }

    @Test
    void evictsAfterAWriteThatFailsAsWell() {
        SmiReadModel model = SmiReadModel.keeping(10);
        model.find(PPMID, store);
        assertThatThrownBy(() -> model.writing(List.of(PPMID), () -> {
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(model.size()).isZero();
    }

    @Test
    void doesNotKeepAReadMadeWhileAWriteIsRunning() {
        SmiReadModel model = SmiReadModel.keeping(10);
        // the read sees the value before the write commits; keeping it would outlive the commit
        model.writing(List.of(PPMID), () -> {
            assertThat(model.find(PPMID, store).orElseThrow().firmwareVersion()).isEqualTo("1.0.0");
            rows.put(PPMID, device(PPMID, "1.1.0"));
            return null;
        });
        assertThat(model.size()).isZero();
        assertThat(model.find(PPMID, store).orElseThrow().firmwareVersion()).isEqualTo("1.1.0");
    }

    @Test
    void doesNotKeepAReadThatAWholeWriteRacedFromStartToEnd() {
        SmiReadModel model = SmiReadModel.keeping(10);
        // the store answers the old row, then a write begins, commits and evicts before the read can keep it
        Function<String, Optional<Device>> racedStore = id -> {
            Optional<Device> old = store.apply(id);
            model.writing(List.of(id), () -> rows.put(id, device(id, "1.1.0")));
            return old;
        };
        assertThat(model.find(PPMID, racedStore).orElseThrow().firmwareVersion()).isEqualTo("1.0.0");
        assertThat(model.size()).as("the stale read is not kept").isZero();
        assertThat(model.find(PPMID, store).orElseThrow().firmwareVersion()).isEqualTo("1.1.0");
    }

    @Test
    void aWriteThatNamesNoDeviceLeavesWhatIsKeptAndKeepsReadsMadeMeanwhile() {
        SmiReadModel model = SmiReadModel.keeping(10);
        model.find(PPMID, store);
        model.writing(List.of(), () -> model.find(ESME, store));
        assertThat(model.size()).isEqualTo(2);
    }

    @Test
    void disabledReadsTheStoreEveryTime() {
        SmiReadModel model = SmiReadModel.disabled();
        model.find(PPMID, store);
        model.find(PPMID, store);
        assertThat(reads).hasValue(2);
        assertThat(model.writing(List.of(PPMID), () -> 7)).isEqualTo(7);
        assertThat(model.size()).isZero();
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> SmiReadModel.keeping(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
