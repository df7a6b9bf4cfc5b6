package org.secflow.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.secflow.access.DccUserRole;
import org.secflow.access.User;
import org.secflow.campaign.CampaignDefinition;
import org.secflow.campaign.CampaignState;
import org.secflow.campaign.DeviceState;
import org.secflow.campaign.FirmwareCampaignService;
import org.secflow.campaign.TargetSelection;
import org.secflow.inventory.FirmwareImageRegistration;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.MeterPoints;

/**
 * {@code secflow bench campaign --devices N}: a firmware campaign end to end, from create to every
 * device in a final state, on a running platform (embedded HSQLDB file, real plugins with the emulator at zero
 * latency), beside the store-bound limit: the same per-device state transitions written as plain batched JDBC.
 *
 * <p>The estate is N premises, each with one Communications Hub and one PPMID whose Device IDs the emulator does
 * not generate ({@code 0B-EC-...}), so it emulates each on first contact as a PPMID that accepts the image.
 */
public final class CampaignBenchmark {
    /** Device ID prefix of benchmark PPMIDs; hubs use {@code 0B-EC-01}. */
    static final long DEVICE_PREFIX = 0x0BEC00L;
    static final String MODEL = "BENCH-PPMID";
    static final String PARTY = "BENCH-SUPPLIER";
    /** Firmware of the measured campaign's PPMIDs. */
    static final String VERSION = "1.0.0";
    /** Firmware of the warm-up campaign's PPMIDs. */
    static final String WARMUP_VERSION = "0.9.0";

    private CampaignBenchmark() {
    }

    /**
     * Result of one run.
     *
     * @param devices devices in the campaign
     * @param estateMillis time to write the estate (not part of the campaign)
     * @param campaignMillis create to every device in a final state
     * @param confirmed devices CONFIRMED
     * @param storeBoundMillis the same transitions as plain batched JDBC
     * @param maxHeapUsedBytes highest heap in use seen during the campaign (sampled every 20 ms)
     * @param warmupMillis the warm-up campaign before it (not measured), 0 without one
     */
    public record Result(long devices, long estateMillis, long campaignMillis, long confirmed, long storeBoundMillis,
                         long maxHeapUsedBytes, long warmupMillis) {
        public double devicesPerSecond() {
            return devices * 1000.0 / Math.max(1, campaignMillis);
        }

        public double fractionOfStoreBound() {
            return storeBoundMillis / (double) Math.max(1, campaignMillis);
        }
    }

    /**
     * Runs the benchmark on {@code campaigns} over {@code jdbi} (the platform's). With {@code warmup} > 0 a campaign
     * over that many other PPMIDs (firmware {@value #WARMUP_VERSION}) runs first, unmeasured, so that the measured
     * one does not pay for the JIT compiling the platform (a running server has done that long before); the measured
     * campaign selects the PPMIDs on {@value #VERSION}.
     *
     * @param progress told the number of devices in a final state, about every second
     */
    public static Result run(Jdbi jdbi, FirmwareCampaignService campaigns, org.secflow.inventory.FirmwareImageCatalogue images,
                             int devices, int warmup, LongConsumer progress) throws InterruptedException {
        long t0 = System.nanoTime();
        writeEstate(jdbi, devices, VERSION);
        long estateMillis = (System.nanoTime() - t0) / 1_000_000;
        writeEstate(jdbi, warmup, WARMUP_VERSION);
        String sha = sha256("bench-" + UUID.randomUUID());
        images.register(new FirmwareImageRegistration("Bench", MODEL, "2.0." + (System.nanoTime() % 1000), sha,
                Set.of(DeviceType.PPMID)), "bench");
        long warmupMillis = 0;
        if (warmup > 0) {
            long w = System.nanoTime();
            runCampaign(campaigns, "bench warm-up " + warmup, sha, WARMUP_VERSION, new AtomicLong(), n -> { });
            warmupMillis = (System.nanoTime() - w) / 1_000_000;
        }
        AtomicLong maxHeap = new AtomicLong();
        long start = System.nanoTime();
        String id = runCampaign(campaigns, "bench " + devices, sha, VERSION, maxHeap, progress);
        long campaignMillis = (System.nanoTime() - start) / 1_000_000;
        Map<DeviceState, Long> counts = campaigns.counts(id);
        progress.accept(counts.entrySet().stream().filter(e -> e.getKey().isFinal()).mapToLong(Map.Entry::getValue).sum());
        long storeBound = storeBound(jdbi, sha, id);
        return new Result(devices, estateMillis, campaignMillis, counts.getOrDefault(DeviceState.CONFIRMED, 0L), storeBound,
                maxHeap.get(), warmupMillis);
    }

    /** Creates, approves and follows one campaign over the PPMIDs on {@code fromVersion} until it stops; its id. */
    private static String runCampaign(FirmwareCampaignService campaigns, String name, String sha, String fromVersion,
                                      AtomicLong maxHeap, LongConsumer progress) throws InterruptedException {
        User creator = new User("bench-1", "Bench creator", PARTY, Set.of(DccUserRole.IS), Set.of());
        User approver = new User("bench-2", "Bench approver", PARTY, Set.of(DccUserRole.IS), Set.of());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<String, Object> created = campaigns.create(creator, new CampaignDefinition(name, sha, Set.of(),
                new TargetSelection(true, null, null, Set.of(fromVersion), null), List.of(1, 10, 89), 90, null, 50, 0, 0L, 600_000L));
        String id = (String) created.get("campaignId");
        campaigns.approve(approver, id);
        long lastReport = 0;
        while (true) {
            maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            CampaignState state = campaigns.state(id);
            if (state == CampaignState.COMPLETED || state == CampaignState.CANCELLED || state == CampaignState.PAUSED) {
                return id;
            }
            if (System.nanoTime() - lastReport > 1_000_000_000L) {
                // the sending loop's own count; a GROUP BY over a million rows every second would compete with it
                campaigns.runningFinalDevices(id).ifPresent(progress::accept);
                lastReport = System.nanoTime();
            }
            Thread.sleep(20); // the end is seen within 20 ms (200 ms was a twentieth of a 10,000-device campaign)
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** N premises with a hub and a PPMID on {@code version} each, registered to the bench Supplier; JDBC batches of 5,000. */
    static void writeEstate(Jdbi jdbi, int devices, String version) {
        Timestamp now = Timestamp.from(Instant.now());
        long base = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(premises_id), 0) FROM premises").mapTo(Long.class).one());
        long deviceBase = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM device WHERE device_id LIKE '0B-EC-00-%'")
                .mapTo(Long.class).one());
        String[] regions = {"NORTH", "CENTRAL", "SOUTH"};
        for (int from = 0; from < devices; from += 5_000) {
            int to = Math.min(devices, from + 5_000);
            int first = from;
            jdbi.useTransaction(h -> {
                PreparedBatch premises = h.prepareBatch("INSERT INTO premises (premises_id, mpan, region, import_supplier) VALUES (:id, :mpan, :region, :s)");
                PreparedBatch hubs = h.prepareBatch("INSERT INTO comms_hub (device_id, premises_id, region) VALUES (:id, :p, :region)");
                PreparedBatch ppmids = h.prepareBatch("""
                        INSERT INTO device (device_id, device_type, manufacturer, model, firmware_version, status, comms_hub_id,
                          premises_id, created_at, updated_at) VALUES (:id, 'PPMID', 'Bench', :model, :version, 'COMMISSIONED', :hub, :p, :at, :at)""");
                for (int i = first; i < to; i++) {
                    long n = deviceBase + i;
                    long p = base + i + 1;
                    String region = regions[(int) (n % 3)];
                    String hub = DeviceId.of(((DEVICE_PREFIX | 1) << 40) | n).value();
                    premises.bind("id", p).bind("mpan", mpan(900_000_000_000L + base + i)).bind("region", region).bind("s", PARTY).add();
                    hubs.bind("id", hub).bind("p", p).bind("region", region).add();
                    ppmids.bind("id", DeviceId.of((DEVICE_PREFIX << 40) | n).value()).bind("model", MODEL).bind("version", version).bind("hub", hub)
                            .bind("p", p).bind("at", now).add();
                }
                premises.execute();
                hubs.execute();
                ppmids.execute();
            });
        }
    }

    /** A 13-digit MPAN with a valid check digit from a 12-digit base. */
    private static String mpan(long twelveDigits) {
        String core = String.format("%012d", twelveDigits % 1_000_000_000_000L);
        for (int check = 0; check <= 9; check++) {
            if (MeterPoints.isValidMpan(core + check)) {
                return core + check;
            }
        }
        throw new IllegalStateException("no check digit for " + core);
    }

    /**
     * The store-bound limit: the rows a campaign on a fast network writes for its devices (the selection inserted
     * PENDING; then SCHEDULED with its wave, SENT, CONFIRMED with its delivery time, DELIVERED and ACTIVATED being
     * folded into it, see CampaignDriver; and the SMI version) as plain JDBC batches of 5,000 per transaction.
     *
     * @return milliseconds taken
     */
    static long storeBound(Jdbi jdbi, String sha, String measuredCampaign) {
        String campaign = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        jdbi.useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO firmware_campaign (campaign_id, name, image_sha256, image_version, image_model, created_by,
                      created_party, created_role, state, current_wave, wave_count, definition_json, created_at, updated_at)
                    VALUES (:id, 'store-bound', :sha, '0', :model, 'bench', :party, 'IS', 'RUNNING', 1, 1, '{}', :at, :at)""")
                    .bind("id", campaign).bind("sha", sha).bind("model", MODEL).bind("party", PARTY).bind("at", now).execute();
            h.createUpdate("""
                    INSERT INTO campaign_device (campaign_id, device_id, comms_hub_id, region, wave, state, attempts, sent_count, updated_at)
                    SELECT :id, m.device_id, m.comms_hub_id, 'NORTH', 0, 'PENDING', 0, 0, :at FROM campaign_device m WHERE m.campaign_id = :measured""")
                    .bind("id", campaign).bind("measured", measuredCampaign).bind("at", now).execute();
        });
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT device_id FROM campaign_device WHERE campaign_id = :id")
                .bind("id", campaign).mapTo(String.class).list());
        for (String state : List.of("SCHEDULED", "SENT", "CONFIRMED")) {
            for (int from = 0; from < ids.size(); from += 5_000) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 5_000));
                jdbi.useTransaction(h -> {
                    PreparedBatch b = h.prepareBatch("UPDATE campaign_device SET state = :s, wave = 1, updated_at = :at"
                            + (state.equals("CONFIRMED") ? ", delivered_at = :at" : "") + " WHERE campaign_id = :c AND device_id = :d");
                    for (String d : chunk) {
                        b.bind("s", state).bind("at", now).bind("c", campaign).bind("d", d).add();
                    }
                    b.execute();
                    if (state.equals("CONFIRMED")) {
                        PreparedBatch smi = h.prepareBatch("UPDATE device SET firmware_version = '0', updated_at = :at WHERE device_id = :d");
                        for (String d : chunk) {
                            smi.bind("at", now).bind("d", d).add();
                        }
                        smi.execute();
                    }
                });
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
