package org.secflow.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.secflow.inventory.SmiReadModel;

/**
 * The campaign tables (V7__firmware_campaigns.sql). Every write is one transaction; batches commit together.
 *
 * <p>About 460 lines, kept whole: the device moves ({@link #apply}), the update claims ({@link #claim}) and the SMI's
 * firmware version of a CONFIRMED device commit in the same transactions, and each picks its statements per database
 * (set-based on PostgreSQL, JDBC batches on HSQLDB); the SQL itself is in {@link CampaignDeviceDao}, the allowed moves
 * in {@link DeviceMove}. What remains beside them are the campaign rows and the counts the views read.
 */
final class CampaignStore {
    private final Jdbi jdbi;
    private final SmiReadModel readModel;
    private final Map<DeviceState, java.util.concurrent.atomic.LongAdder> transitionCounts = newTransitionCounts();
    private final org.secflow.updates.FirmwareUpdateClaims claims = new org.secflow.updates.FirmwareUpdateClaims();

    /** Without an SMI read model (tests that read no device through one). */
    private static Map<DeviceState, java.util.concurrent.atomic.LongAdder> newTransitionCounts() {
        Map<DeviceState, java.util.concurrent.atomic.LongAdder> m = new java.util.EnumMap<>(DeviceState.class);
        for (DeviceState s : DeviceState.values()) {
            m.put(s, new java.util.concurrent.atomic.LongAdder());
        }
        return m;
    }

    CampaignStore(Jdbi jdbi) {
        this(jdbi, SmiReadModel.disabled());
    }

    /** @param readModel the read model the SMI's readers share: CONFIRMED writes the device's version (BR5-BR7) */
    CampaignStore(Jdbi jdbi, SmiReadModel readModel) {
        this.jdbi = jdbi;
        this.readModel = readModel;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    record CampaignRow(String campaignId, String name, String imageSha256, String imageVersion, String imageModel,
                       String createdBy, String createdParty, String createdRole, String approvedBy, CampaignState state,
                       int currentWave, int waveCount, String definitionJson, String pauseReason, String waitingReason,
                       String rulesVersion, String processInstanceId, Instant createdAt, Instant updatedAt) {

        /** The plan the campaign was created with ({@code definition_json}). */
        CampaignDefinition definition() {
            try {
                return DEFINITION_JSON.readValue(definitionJson, CampaignDefinition.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("campaign " + campaignId + " has an unreadable definition", e);
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper DEFINITION_JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules().build();

    void insertCampaign(Handle h, CampaignRow c) {
        h.createUpdate("""
                        INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                          created_party, created_role, state, current_wave, wave_count, definition_json, created_at, updated_at)
                        VALUES (:id, :name, :sha, :version, :model, :by, :party, :role, :state, 0, :waves, :json, :at, :at)""")
                .bind("id", c.campaignId()).bind("name", c.name()).bind("sha", c.imageSha256())
                .bind("version", c.imageVersion()).bind("model", c.imageModel()).bind("by", c.createdBy())
                .bind("party", c.createdParty()).bind("role", c.createdRole()).bind("state", c.state().name())
                .bind("waves", c.waveCount()).bind("json", c.definitionJson()).bind("at", ts(c.createdAt())).execute();
    }

    /**
     * Adds the selected devices as PENDING: PPMIDs and Alt HAN bridges of the SMI that match the selection, at
     * premises the campaign's Supplier is registered for (Import or Gas Supplier: PPMIDs and bridges serve both
     * fuels), plus any explicitly listed device not selected so, as SKIPPED with one reason whether the SMI does
     * not know it or it is another Supplier's.
     *
     * @param supplier the Supplier party the premises must be registered to, or null for no restriction
     * @return devices added
     */
    int selectTargets(Handle h, String campaignId, TargetSelection s, Instant at, String supplier) {
        StringBuilder where = new StringBuilder("d.device_type = 'PPMID'");
        if (supplier != null) {
            where.append(" AND d.premises_id IN (SELECT premises_id FROM premises WHERE import_supplier = :supplier"
                    + " OR gas_supplier = :supplier)");
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> kinds = new ArrayList<>();
        if (s.includesPpmids()) {
            kinds.add("d.alt_han_variant IS NULL");
        }
        if (!s.altHanVariants().isEmpty()) {
            kinds.add("d.alt_han_variant IN (<variants>)");
        }
        if (kinds.isEmpty()) {
            return 0;
        }
        where.append(" AND (").append(String.join(" OR ", kinds)).append(')');
        if (!s.regions().isEmpty()) {
            where.append(" AND c.region IN (<regions>)");
        }
        if (!s.firmwareVersions().isEmpty()) {
            where.append(" AND d.firmware_version IN (<versions>)");
        }
        if (!s.deviceIds().isEmpty()) {
            where.append(" AND d.device_id IN (<ids>)");
        }
        var insert = h.createUpdate("""
                INSERT INTO campaign_device (campaign_id, device_id, comms_hub_id, region, alt_han_variant, battery_powered,
                  from_version, wave, state, attempts, sent_count, updated_at)
                SELECT :campaign, d.device_id, d.comms_hub_id, c.region, d.alt_han_variant, d.battery_powered,
                  d.firmware_version, 0, 'PENDING', 0, 0, :at
                  FROM device d LEFT JOIN comms_hub c ON c.device_id = d.comms_hub_id WHERE\s""" + where)
                .bind("campaign", campaignId).bind("at", ts(at));
        if (supplier != null) {
            insert.bind("supplier", supplier);
        }
        if (!s.altHanVariants().isEmpty()) {
            insert.bindList("variants", s.altHanVariants().stream().map(Enum::name).toList());
        }
        if (!s.regions().isEmpty()) {
            insert.bindList("regions", s.regions().stream().map(Enum::name).toList());
        }
        if (!s.firmwareVersions().isEmpty()) {
            insert.bindList("versions", List.copyOf(s.firmwareVersions()));
        }
        if (!s.deviceIds().isEmpty()) {
            insert.bindList("ids", s.deviceIds());
        }
        int added = insert.execute();
        if (!s.deviceIds().isEmpty()) {
            PreparedBatch unknown = h.prepareBatch("""
                    INSERT INTO campaign_device (campaign_id, device_id, wave, state, reason, attempts, sent_count, updated_at)
                    SELECT :campaign, :device, 0, 'SKIPPED', :reason, 0, 0, :at FROM (VALUES (0)) AS one(x)
                     WHERE NOT EXISTS (SELECT 1 FROM campaign_device WHERE campaign_id = :campaign AND device_id = :device)""");
            for (String id : s.deviceIds()) {
                unknown.bind("campaign", campaignId).bind("device", id).bind("at", ts(at))
                        .bind("reason", "not selected: not a PPMID or Alt HAN bridge of the SMI at premises of this Supplier matching the selection").add();
            }
            for (int n : unknown.execute()) {
                added += n;
            }
        }
        return added;
    }

    /** The campaign; {@link org.secflow.problem.NotFoundException} (404) naming {@code campaignId} when unknown. */
    CampaignRow require(String campaignId) {
        return find(campaignId).orElseThrow(() -> new org.secflow.problem.NotFoundException("campaignId", "no such campaign for this User"));
    }

    Optional<CampaignRow> find(String campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM firmware_campaign WHERE campaign_id = :id")
                .bind("id", campaignId).map((rs, ctx) -> new CampaignRow(rs.getString("campaign_id"), rs.getString("name"),
                        rs.getString("image_sha256"), rs.getString("image_version"), rs.getString("image_model"),
                        rs.getString("created_by"), rs.getString("created_party"), rs.getString("created_role"),
                        rs.getString("approved_by"), CampaignState.valueOf(rs.getString("state")), rs.getInt("current_wave"),
                        rs.getInt("wave_count"), rs.getString("definition_json"), rs.getString("pause_reason"),
                        rs.getString("waiting_reason"), rs.getString("rules_version"), rs.getString("process_instance_id"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant())).findOne());
    }

    List<String> campaignIds(CampaignState state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT campaign_id FROM firmware_campaign WHERE state = :s ORDER BY created_at")
                .bind("s", state.name()).mapTo(String.class).list());
    }

    List<String> allCampaignIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT campaign_id FROM firmware_campaign ORDER BY created_at DESC")
                .mapTo(String.class).list());
    }

    void setProcessInstance(String campaignId, String pid) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE firmware_campaign SET process_instance_id = :pid WHERE campaign_id = :id")
                .bind("pid", pid).bind("id", campaignId).execute());
    }

    void update(String campaignId, String column, Object value, Instant at) {
        if (!List.of("state", "current_wave", "approved_by", "pause_reason", "waiting_reason", "rules_version").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE firmware_campaign SET " + column + " = :v, updated_at = :at WHERE campaign_id = :id")
                .bind("v", value instanceof Enum<?> e ? e.name() : value).bind("at", ts(at)).bind("id", campaignId).execute());
    }

    /** Devices per state, optionally for one wave. */
    Map<DeviceState, Long> countByState(String campaignId, Integer wave) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state, COUNT(*) FROM campaign_device WHERE campaign_id = :id"
                        + (wave == null ? "" : " AND wave = :wave") + " GROUP BY state")
                .bind("id", campaignId).bind("wave", wave)
                .reduceRows(new java.util.EnumMap<DeviceState, Long>(DeviceState.class), (m, r) -> {
                    m.put(DeviceState.valueOf(r.getColumn(1, String.class)), r.getColumn(2, Long.class));
                    return m;
                }));
    }

    /** Devices per {@code column} value and state: column is wave, alt_han_variant or region. */
    Map<String, Map<String, Long>> countBy(String campaignId, String column) {
        if (!List.of("wave", "alt_han_variant", "region").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + ", state, COUNT(*) FROM campaign_device WHERE campaign_id = :id GROUP BY "
                        + column + ", state ORDER BY 1, 2")
                .bind("id", campaignId)
                .reduceRows(new LinkedHashMap<String, Map<String, Long>>(), (m, r) -> {
                    String key = r.getColumn(1, String.class);
                    m.computeIfAbsent(key == null ? "none" : key, k -> new LinkedHashMap<>())
                            .put(r.getColumn(2, String.class), r.getColumn(3, Long.class));
                    return m;
                }));
    }

    /** One page of the campaign's devices, by device id. */
    List<Map<String, Object>> devices(String campaignId, DeviceState state, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT device_id, comms_hub_id, region, alt_han_variant, battery_powered, "
                        + "from_version, wave, state, reason, attempts, sent_count, updated_at, last_sent_at, delivered_at FROM campaign_device WHERE campaign_id = :id"
                        + (state == null ? "" : " AND state = :state") + " ORDER BY device_id OFFSET :off ROWS FETCH NEXT :lim ROWS ONLY")
                .bind("id", campaignId).bind("state", state == null ? null : state.name()).bind("off", offset).bind("lim", limit)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("deviceId", rs.getString(1));
                    m.put("commsHubId", rs.getString(2));
                    m.put("region", rs.getString(3));
                    m.put("altHanDeviceVariant", rs.getString(4));
                    m.put("batteryPowered", rs.getBoolean(5));
                    m.put("fromVersion", rs.getString(6));
                    m.put("wave", rs.getInt(7));
                    m.put("state", rs.getString(8));
                    m.put("reason", rs.getString(9));
                    m.put("retries", rs.getInt(10));
                    m.put("sent", rs.getInt(11));
                    m.put("updatedAt", rs.getTimestamp(12).toInstant());
                    m.put("lastSentAt", rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());
                    m.put("deliveredAt", rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
                    return m;
                }).list());
    }

    long deviceCount(String campaignId, DeviceState state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM campaign_device WHERE campaign_id = :id"
                        + (state == null ? "" : " AND state = :state"))
                .bind("id", campaignId).bind("state", state == null ? null : state.name()).mapTo(Long.class).one());
    }

    /** The devices of a wave in the given states, as the sending loop holds them, by state: one read of the wave. */
    Map<DeviceState, List<CampaignDevice>> devicesIn(String campaignId, int wave, Set<DeviceState> states) {
        return jdbi.withHandle(h -> streaming(h, () -> h.createQuery("SELECT device_id, comms_hub_id, battery_powered, attempts, state FROM campaign_device "
                        + "WHERE campaign_id = :id AND wave = :wave AND state IN (<states>)")
                .bind("id", campaignId).bind("wave", wave).bindList("states", states.stream().map(Enum::name).toList())
                .setFetchSize(10_000)
                .reduceRows(new java.util.EnumMap<DeviceState, List<CampaignDevice>>(DeviceState.class), (m, r) -> {
                    m.computeIfAbsent(DeviceState.valueOf(r.getColumn(5, String.class)), k -> new ArrayList<>())
                            .add(new CampaignDevice(r.getColumn(1, String.class), r.getColumn(2, String.class),
                                    r.getColumn(3, Boolean.class), r.getColumn(4, Integer.class)));
                    return m;
                })));
    }

    /**
     * Runs {@code read} so that a query's fetch size holds: on PostgreSQL inside a transaction (the driver reads a
     * whole result at once on a connection in auto-commit, a million rows of a campaign at once), on HSQLDB as it is.
     */
    static <T> T streaming(Handle h, java.util.function.Supplier<T> read) {
        if (!org.secflow.store.Database.isPostgresql(h) || h.isInTransaction()) {
            return read.get();
        }
        h.begin();
        try {
            return read.get();
        } finally {
            h.rollback(); // it only read
        }
    }

    /** {@link #streaming(Handle, java.util.function.Supplier)} for a read that returns nothing. */
    static void streamingRun(Handle h, Runnable read) {
        streaming(h, () -> {
            read.run();
            return null;
        });
    }

    /**
     * Applies transitions in one transaction.
     *
     * @return for each transition whether it applied (false: the device was not in a {@code from} state)
     */
    boolean[] apply(String campaignId, List<DeviceTransition> transitions, List<String> confirmed, String version) {
        if (transitions.isEmpty()) {
            return new boolean[0];
        }
        List<CampaignDeviceDao.MoveRow> rows = new ArrayList<>(transitions.size());
        for (DeviceTransition t : transitions) {
            if (!t.allowed()) {
                throw new IllegalStateException("device " + t.deviceId() + " of campaign " + campaignId + ": no move "
                        + t.moves() + " leads from " + t.from() + " to " + t.to() + " (DeviceMove)");
            }
            List<String> from = t.from().stream().map(Enum::name).sorted().toList();
            if (from.isEmpty() || from.size() > 3) {
                throw new IllegalStateException("device " + t.deviceId() + ": a move applies in one to three states, not " + from);
            }
            boolean sent = t.to() == DeviceState.SENT;
            rows.add(new CampaignDeviceDao.MoveRow(campaignId, t.deviceId(), from.get(0), from.get(Math.min(1, from.size() - 1)),
                    from.get(from.size() - 1), t.to().name(), t.reason(), t.notBefore() == null ? null : ts(t.notBefore()),
                    t.requestId(), t.retry() ? 1 : 0, sent ? 1 : 0, sent ? ts(t.at()) : null,
                    t.delivered() ? ts(t.at()) : null, ts(t.at())));
        }
        boolean[] applied = new boolean[transitions.size()];
        readModel.writing(confirmed, () -> jdbi.inTransaction(h -> {
            boolean postgresql = org.secflow.store.Database.isPostgresql(h);
            if (postgresql && rows.stream().map(CampaignDeviceDao.MoveRow::deviceId).distinct().count() == rows.size()) {
                Set<String> moved = new java.util.HashSet<>(moveAll(h, campaignId, rows));
                for (int k = 0; k < applied.length; k++) {
                    applied[k] = moved.contains(rows.get(k).deviceId());
                }
            } else {
                int[] counts = h.attach(CampaignDeviceDao.class).move(rows);
                for (int k = 0; k < counts.length; k++) {
                    applied[k] = counts[k] > 0;
                }
            }
            // a device final, or back to SCHEDULED (a retry, a resend after a restart), frees its device and HAN
            List<String> done = transitions.stream()
                    .filter(t -> t.to().isFinal() || t.to() == DeviceState.SCHEDULED).map(DeviceTransition::deviceId).toList();
            claims.release(h, campaignId, done);
            if (!confirmed.isEmpty()) {
                // the SMI learns the version in the same transaction as CONFIRMED (SRV 11.2; BR5-BR7)
                Instant at = transitions.get(0).at();
                if (postgresql) { // one statement for the batch
                    h.createUpdate("UPDATE device d SET firmware_version = :v, updated_at = :at FROM unnest(CAST(:ids AS varchar[])) AS t(id) WHERE d.device_id = t.id")
                            .bind("v", version).bind("at", ts(at)).bind("ids", confirmed.toArray(String[]::new)).execute();
                } else {
                    PreparedBatch smi = h.prepareBatch("UPDATE device SET firmware_version = :v, updated_at = :at WHERE device_id = :d");
                    for (String d : confirmed) {
                        smi.bind("v", version).bind("at", ts(at)).bind("d", d).add();
                    }
                    smi.execute();
                }
            }
            return null;
        }));
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                transitionCounts.get(transitions.get(i).to()).increment();
            }
        }
        return applied;
    }

    /** {@link CampaignDeviceDao#moveAll}: the rows (one per device) as arrays; the ids of the devices that moved. */
    private static List<String> moveAll(Handle h, String campaignId, List<CampaignDeviceDao.MoveRow> rows) {
        int n = rows.size();
        String[] ids = new String[n], f1 = new String[n], f2 = new String[n], f3 = new String[n], to = new String[n],
                reasons = new String[n], notBefore = new String[n], requests = new String[n], sentAt = new String[n],
                deliveredAt = new String[n], at = new String[n];
        Integer[] retry = new Integer[n], sent = new Integer[n];
        for (int i = 0; i < n; i++) {
            CampaignDeviceDao.MoveRow r = rows.get(i);
            ids[i] = r.deviceId();
            f1[i] = r.from1();
            f2[i] = r.from2();
            f3[i] = r.from3();
            to[i] = r.to();
            reasons[i] = r.reason();
            notBefore[i] = local(r.notBefore());
            requests[i] = r.requestId();
            retry[i] = r.retry();
            sent[i] = r.sent();
            sentAt[i] = local(r.sentAt());
            deliveredAt[i] = local(r.deliveredAt());
            at[i] = local(r.at());
        }
        return h.attach(CampaignDeviceDao.class).moveAll(campaignId, ids, f1, f2, f3, to, reasons, notBefore, requests,
                retry, sent, sentAt, deliveredAt, at);
    }

    /** A timestamp as the ISO local date-time a TIMESTAMP column is written with (setTimestamp writes the same). */
    private static String local(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toString();
    }

    /** Device transitions this process applied, by the state moved to (counted after their transaction). */
    Map<DeviceState, Long> transitionCounts() {
        Map<DeviceState, Long> out = new java.util.EnumMap<>(DeviceState.class);
        transitionCounts.forEach((state, n) -> out.put(state, n.sum()));
        return out;
    }

    /**
     * Devices per state over the campaigns not yet finished (awaiting approval, checking eligibility, running,
     * paused): read through the primary key's campaign prefix, so finished campaigns cost nothing.
     */
    Map<DeviceState, Long> countUnfinishedByState() {
        return jdbi.withHandle(h -> h.createQuery("SELECT d.state, COUNT(*) FROM firmware_campaign c JOIN campaign_device d"
                        + " ON d.campaign_id = c.campaign_id WHERE c.state IN ('AWAITING_APPROVAL', 'CHECKING_ELIGIBILITY',"
                        + " 'RUNNING', 'PAUSED') GROUP BY d.state")
                .reduceRows(new java.util.EnumMap<DeviceState, Long>(DeviceState.class), (m, r) -> {
                    m.put(DeviceState.valueOf(r.getColumn(1, String.class)), r.getColumn(2, Long.class));
                    return m;
                }));
    }

    /**
     * Takes, in one transaction, the devices and their HANs for the campaign before they are sent (or their battery
     * read): a device another campaign or an SRV 11.4 Service Request is updating, or whose HAN has a device updating,
     * in this process or another sharing the database, is not taken.
     *
     * @return for each device whether it was taken
     */
    boolean[] claim(String campaignId, List<CampaignDevice> devices, Instant at) {
        if (devices.isEmpty()) {
            return new boolean[0];
        }
        List<org.secflow.updates.FirmwareUpdateClaims.Claim> list = devices.stream()
                .map(d -> new org.secflow.updates.FirmwareUpdateClaims.Claim(d.deviceId(), d.hubId())).toList();
        return jdbi.inTransaction(h -> claims.claim(h, campaignId, list, at));
    }

    /**
     * {@link DeviceMove#INELIGIBLE} for each {@code [deviceId, reason]}, in transactions of {@code page} devices.
     */
    void skipIneligible(String campaignId, List<String[]> skips, Instant at, int page) {
        for (int from = 0; from < skips.size(); from += page) {
            List<String[]> chunk = skips.subList(from, Math.min(skips.size(), from + page));
            jdbi.useTransaction(h -> h.attach(CampaignDeviceDao.class).skipIneligible(campaignId,
                    chunk.stream().map(s -> s[0]).toList(), chunk.stream().map(s -> s[1]).toList(), ts(at)));
        }
    }

    /** {@link DeviceMove#ELIGIBLE} into {@code wave} for the PENDING devices with ids in ({@code lo}, {@code hi}]. */
    int schedule(String campaignId, int wave, String lo, String hi, Instant at) {
        return jdbi.inTransaction(h -> h.attach(CampaignDeviceDao.class).schedule(campaignId, wave, lo, hi, ts(at)));
    }

    /** {@link DeviceMove#CANCEL_UNSENT} for every device of the campaign not yet sent (PENDING or SCHEDULED). */
    int cancelUnsent(String campaignId, Instant at) {
        return jdbi.inTransaction(h -> h.attach(CampaignDeviceDao.class).cancelUnsent(campaignId, ts(at)));
    }

    /** Device id to the id of another campaign not finished that still has the device to update. */
    Map<String, String> inOtherRunningCampaigns(String campaignId) {
        return jdbi.withHandle(h -> h.attach(CampaignDeviceDao.class).inOtherRunningCampaigns(campaignId));
    }

    /** Releases the campaign's claims of these devices (devices claimed but not sent after all). */
    void releaseClaims(String campaignId, List<String> deviceIds) {
        if (!deviceIds.isEmpty()) {
            jdbi.useTransaction(h -> claims.release(h, campaignId, deviceIds));
        }
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
