package org.secflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.DeviceId;
import org.secflow.store.Database;
import org.secflow.store.FreshDatabase;

/** The device state machine of {@link DeviceMove}, as the store enforces it on a real database. */
class DeviceMoveTest {
    private Database database;
    private CampaignStore store;
    private String campaign;
    private final String device = DeviceId.of(0x0C00_0000_0000_0001L).value();

    @BeforeEach
    void open() {
        database = FreshDatabase.open();
        store = new CampaignStore(database.jdbi());
        campaign = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now();
        database.jdbi().useTransaction(h -> {
            store.insertCampaign(h, new CampaignStore.CampaignRow(campaign, "t", "ab".repeat(32), "2.0.0", "P1", "c",
                    "SUPPLIER-A", "IS", null, CampaignState.RUNNING, 1, 1, "{}", null, null, null, null, now, now));
            h.createUpdate("""
                    INSERT INTO campaign_device (campaign_id, device_id, wave, state, attempts, sent_count, updated_at)
                    VALUES (:c, :d, 1, 'SCHEDULED', 0, 0, :at)""")
                    .bind("c", campaign).bind("d", device).bind("at", CampaignStore.ts(now)).execute();
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private DeviceState state() {
        return DeviceState.valueOf(store.devices(campaign, null, 0, 1).get(0).get("state").toString());
    }

    @Test
    void refusesAMoveTheStateMachineDoesNotDeclareAndWritesNothing() {
        DeviceTransition skipTheSend = new DeviceTransition(device, List.of(DeviceMove.CONFIRM), Set.of(DeviceState.SCHEDULED),
                DeviceState.CONFIRMED, null, null, null, false, Instant.now(), false);
        assertThatThrownBy(() -> store.apply(campaign, List.of(skipTheSend), List.of(), "2.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(device).hasMessageContaining("CONFIRMED");
        DeviceTransition backFromConfirmed = new DeviceTransition(device, List.of(DeviceMove.SEND), Set.of(DeviceState.CONFIRMED),
                DeviceState.SENT, null, null, null, false, Instant.now(), false);
        assertThatThrownBy(() -> store.apply(campaign, List.of(backFromConfirmed), List.of(), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(state()).isEqualTo(DeviceState.SCHEDULED);
    }

    @Test
    void appliesAFoldOfDeclaredMovesAndNothingFromAStateTheMoveDoesNotLeave() {
        Instant now = Instant.now();
        assertThat(store.apply(campaign, List.of(new DeviceTransition(DeviceMove.SEND, device, null, null, "r1", false, now)),
                List.of(), null)).containsExactly(true);
        DeviceTransition delivered = new DeviceTransition(DeviceMove.TRANSFERRED, device, null, null, null, false, now);
        DeviceTransition folded = delivered.then(new DeviceTransition(DeviceMove.ACTIVATED, device, null, null, null, false, now))
                .then(new DeviceTransition(DeviceMove.CONFIRM, device, null, null, null, false, now));
        assertThat(folded.from()).containsExactly(DeviceState.SENT);
        assertThat(folded.delivered()).isTrue();
        assertThat(store.apply(campaign, List.of(folded), List.of(), "2.0.0")).containsExactly(true);
        assertThat(state()).isEqualTo(DeviceState.CONFIRMED);
        // a repeated 0x8F8B after CONFIRMED: declared, but not from CONFIRMED; nothing changes
        assertThat(store.apply(campaign, List.of(new DeviceTransition(DeviceMove.ACTIVATED, device, null, null, null, false, now)),
                List.of(), null)).containsExactly(false);
        assertThat(state()).isEqualTo(DeviceState.CONFIRMED);
    }

    @Test
    void everyFinalStateIsLeftByNoMove() {
        for (DeviceMove m : DeviceMove.values()) {
            assertThat(m.from()).as("%s", m).doesNotContainAnyElementsOf(DeviceState.FINAL);
        }
    }
}
