package org.secflow.campaign;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The writes of {@code campaign_device} (V7__firmware_campaigns.sql), the rows of the campaign aggregate's devices.
 * Only {@link CampaignStore} calls it, and only with moves of {@link DeviceMove}: each statement changes a row only
 * while it is in one of the move's from states, so a repeated or late change does nothing.
 */
interface CampaignDeviceDao {

    /**
     * One move of one device: the bound fields of {@link #move}. {@code from1..from3} are the states it applies in
     * (a move has at most three; repeated to fill), so changes of every kind go in one batch.
     */
    record MoveRow(String campaignId, String deviceId, String from1, String from2, String from3, String to,
                   String reason, Timestamp notBefore, String requestId, int retry, int sent, Timestamp sentAt,
                   Timestamp deliveredAt, Timestamp at) {
    }

    /** @return per row, the rows changed (0: the device was not in a from state) */
    @SqlBatch("""
            UPDATE campaign_device SET state = :to, reason = :reason, not_before = :notBefore,
              request_id = COALESCE(:requestId, request_id), attempts = attempts + :retry, sent_count = sent_count + :sent,
              last_sent_at = COALESCE(CAST(:sentAt AS TIMESTAMP), last_sent_at),
              delivered_at = COALESCE(delivered_at, CAST(:deliveredAt AS TIMESTAMP)), updated_at = :at
             WHERE campaign_id = :campaignId AND device_id = :deviceId AND state IN (:from1, :from2, :from3)""")
    int[] move(@BindMethods List<MoveRow> rows);

    /**
     * {@link #move} for many devices in one statement (PostgreSQL): the rows' fields as arrays, one element per
     * device, each device at most once; timestamps as ISO local date-times. A batch of single-row updates costs the
     * server a statement per device; this costs it one.
     *
     * @return the ids of the devices that moved (the others were not in a from state)
     */
    @SqlQuery("""
            UPDATE campaign_device c SET state = m.to_state, reason = m.reason, not_before = m.not_before,
              request_id = COALESCE(m.request_id, c.request_id), attempts = c.attempts + m.retry,
              sent_count = c.sent_count + m.sent, last_sent_at = COALESCE(m.sent_at, c.last_sent_at),
              delivered_at = COALESCE(c.delivered_at, m.delivered_at), updated_at = m.at
              FROM unnest(CAST(:deviceIds AS varchar[]), CAST(:from1 AS varchar[]), CAST(:from2 AS varchar[]),
                          CAST(:from3 AS varchar[]), CAST(:to AS varchar[]), CAST(:reasons AS varchar[]),
                          CAST(:notBefore AS timestamp[]), CAST(:requestIds AS varchar[]), CAST(:retry AS integer[]),
                          CAST(:sent AS integer[]), CAST(:sentAt AS timestamp[]), CAST(:deliveredAt AS timestamp[]),
                          CAST(:at AS timestamp[]))
                AS m(device_id, from1, from2, from3, to_state, reason, not_before, request_id, retry, sent, sent_at,
                     delivered_at, at)
             WHERE c.campaign_id = :campaignId AND c.device_id = m.device_id AND c.state IN (m.from1, m.from2, m.from3)
            RETURNING c.device_id""")
    List<String> moveAll(@Bind("campaignId") String campaignId, @Bind("deviceIds") String[] deviceIds,
                         @Bind("from1") String[] from1, @Bind("from2") String[] from2, @Bind("from3") String[] from3,
                         @Bind("to") String[] to, @Bind("reasons") String[] reasons, @Bind("notBefore") String[] notBefore,
                         @Bind("requestIds") String[] requestIds, @Bind("retry") Integer[] retry, @Bind("sent") Integer[] sent,
                         @Bind("sentAt") String[] sentAt, @Bind("deliveredAt") String[] deliveredAt, @Bind("at") String[] at);

    /** {@link DeviceMove#INELIGIBLE}: a PENDING device becomes SKIPPED with its reason. */
    @SqlBatch("UPDATE campaign_device SET state = 'SKIPPED', reason = :reason, updated_at = :at "
            + "WHERE campaign_id = :campaignId AND device_id = :deviceId AND state = 'PENDING'")
    int[] skipIneligible(@Bind("campaignId") String campaignId, @Bind("deviceId") List<String> deviceIds,
                         @Bind("reason") List<String> reasons, @Bind("at") Timestamp at);

    /**
     * {@link DeviceMove#ELIGIBLE} for the PENDING devices with ids in ({@code lo}, {@code hi}]: SCHEDULED in
     * {@code wave}. Eligibility leaves PENDING only the eligible devices, so a range of ids selects exactly them.
     */
    @SqlUpdate("UPDATE campaign_device SET state = 'SCHEDULED', wave = :wave, reason = NULL, updated_at = :at "
            + "WHERE campaign_id = :campaignId AND state = 'PENDING' AND device_id > :lo AND device_id <= :hi")
    int schedule(@Bind("campaignId") String campaignId, @Bind("wave") int wave, @Bind("lo") String lo,
                 @Bind("hi") String hi, @Bind("at") Timestamp at);

    /** {@link DeviceMove#CANCEL_UNSENT} for every device of the campaign not yet sent. */
    @SqlUpdate("UPDATE campaign_device SET state = 'CANCELLED', reason = 'campaign cancelled before sending', "
            + "updated_at = :at WHERE campaign_id = :campaignId AND state IN ('PENDING', 'SCHEDULED')")
    int cancelUnsent(@Bind("campaignId") String campaignId, @Bind("at") Timestamp at);

    /**
     * Devices of other campaigns neither COMPLETED nor CANCELLED that are still to be updated there (SCHEDULED, SENT,
     * DELIVERED, ACTIVATED): device id to that campaign's id. A device is in one running campaign at most.
     */
    @SqlQuery("SELECT cd.device_id, cd.campaign_id FROM firmware_campaign fc JOIN campaign_device cd ON cd.campaign_id = fc.campaign_id "
            + "WHERE fc.state NOT IN ('COMPLETED', 'CANCELLED') AND fc.campaign_id <> :campaignId "
            + "AND cd.state IN ('SCHEDULED', 'SENT', 'DELIVERED', 'ACTIVATED')")
    @KeyColumn("device_id")
    @ValueColumn("campaign_id")
    Map<String, String> inOtherRunningCampaigns(@Bind("campaignId") String campaignId);
}
