package org.secflow.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.maintenance.Impact;
import org.secflow.maintenance.MaintenanceService;
import org.secflow.maintenance.StoredWindow;
import org.secflow.problem.ConflictException;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.rules.RuleBase;
import org.secflow.spi.Dsp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firmware campaigns for PPMIDs and Alt HAN bridges (issue 4; seeds 000 and 001, MP170): create, approve (a
 * second person), eligibility, waves with gates, pause/resume/cancel, views. The process {@code bpmn/firmware-campaign.bpmn}
 * orchestrates the campaign and its waves and calls this service as the bean {@value #BEAN}; the state of every
 * device lives in the store and is driven by a {@link CampaignDriver} per running wave (not one process instance
 * per device: about 1,000 instances/s, stack-notes section 4, is too slow for a national campaign).
 *
 * <p>Crash safety: the store is the truth. A device is recorded SENT before the DSP has it; every later change
 * applies only from the states it expects, so repeated callbacks are harmless; engine steps that write devices
 * (eligibility) only touch PENDING devices, so a step retried after a crash writes the same thing. At start,
 * {@link #recover()} restarts the wave of every running campaign from the store.
 */
public final class FirmwareCampaignService {
    /** The name the BPMN uses for {@link CampaignProcessBean}. */
    public static final String BEAN = "firmwareCampaigns";
    /** Process definition key of bpmn/firmware-campaign.bpmn. */
    public static final String PROCESS_KEY = "firmware-campaign";
    /** Message the process waits for at the end of a wave. */
    public static final String WAVE_ENDED = "WaveEnded";
    /** Message the process waits for after eligibility. */
    public static final String ELIGIBILITY_CHECKED = "EligibilityChecked";
    /** Message that cancels a campaign awaiting approval. */
    public static final String CANCELLED = "CampaignCancelled";
    /** Process variables. */
    public static final String VAR_CAMPAIGN = "campaignId";
    public static final String VAR_WAVE = "wave";
    public static final String VAR_GATE = "gate";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_WAVE_END = "waveEnd";

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareCampaignService.class);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CampaignStore store;
    private final RuleBase rules;
    private final FirmwareImageCatalogue images;
    private final Supplier<Optional<Dsp>> dsp;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final HanLocks hans = new HanLocks();
    private final Map<String, CampaignDriver> drivers = new ConcurrentHashMap<>();
    private final CampaignDriver.Settings settings;
    private volatile ProcessEngine engine;

    public FirmwareCampaignService(org.jdbi.v3.core.Jdbi jdbi, RuleBase rules, FirmwareImageCatalogue images,
                                   Supplier<Optional<Dsp>> dsp, MaintenanceService maintenance, Clock clock) {
        this.store = new CampaignStore(jdbi);
        this.rules = rules;
        this.images = images;
        this.dsp = dsp;
        this.maintenance = maintenance;
        this.clock = clock;
        this.settings = new CampaignDriver.Settings(20_000, 5_000);
    }

    /** Binds the engine the campaigns run on (after it is built with this service as bean {@value #BEAN}). */
    public void bind(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates a campaign and starts its process at the approval task.
     *
     * @return the campaign view
     * @throws ForbiddenException when the User holds no Supplier role (IS or GS) to send SRV 11.4
     * @throws InvalidFieldException when the image is unknown (BR12) or the selection matches no device
     */
    public Map<String, Object> create(User user, CampaignDefinition def) {
        String role = user.dccUserRoles().contains(DccUserRole.IS) ? "IS"
                : user.dccUserRoles().contains(DccUserRole.GS) ? "GS" : null;
        if (role == null) {
            throw new ForbiddenException("SRV 11.4 Update Firmware is sent by a Supplier (DCC User Role IS or GS; DUIS matrix)",
                    "user " + user.userId() + " holds no Supplier role");
        }
        RegisteredFirmwareImage image = images.findBySha256(def.imageSha256()).orElseThrow(() -> new InvalidFieldException(
                "imageSha256", "BR12: only firmware images in the known-image list may be sent (seed 001 section 4.1.1)",
                "no known firmware image has SHA-256 " + def.imageSha256()));
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int selected = store.jdbi().inTransaction(h -> {
            store.insertCampaign(h, new CampaignStore.CampaignRow(id, def.name(), image.sha256(), image.version(), image.model(),
                    user.userId(), user.party(), role, null, CampaignState.AWAITING_APPROVAL, 0, def.waves().size(), json(def),
                    null, null, null, null, now, now));
            int n = store.selectTargets(h, id, def.selection(), now);
            if (n == 0) {
                h.rollback();
            }
            return n;
        });
        if (selected == 0) {
            throw new InvalidFieldException("selection", "a campaign targets at least one PPMID or Alt HAN bridge of the SMI",
                    "the selection matches no device");
        }
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, id, Map.of(VAR_CAMPAIGN, id));
        store.setProcessInstance(id, pi.getId());
        LOG.info("campaign {} '{}' created by {}: {} devices selected, image {} {}", id, def.name(), user.userId(), selected,
                image.model(), image.version());
        return view(id);
    }

    /**
     * Approves a campaign: the approval task is completed by a second person (issue 4, step 2).
     *
     * @throws ForbiddenException when the approver created the campaign, or acts for another party and is no admin
     * @throws ConflictException when the campaign is not awaiting approval
     */
    public Map<String, Object> approve(User user, String campaignId) {
        CampaignStore.CampaignRow c = row(campaignId);
        if (user.userId().equals(c.createdBy())) {
            throw new ForbiddenException("four eyes: the creator of a campaign cannot approve it (issue 4, step 2)",
                    "user " + user.userId() + " created campaign " + campaignId);
        }
        if (!user.party().equals(c.createdParty()) && !user.hasPlatformRole(PlatformRole.ADMIN)) {
            throw new ForbiddenException("a campaign is approved by its Supplier's own users (or an admin)",
                    "user " + user.userId() + " does not act for " + c.createdParty());
        }
        Task task = task(c, "approveCampaign").orElseThrow(() -> new ConflictException("state",
                "only a campaign awaiting approval can be approved", "campaign " + campaignId + " is " + c.state()));
        store.update(campaignId, "approved_by", user.userId(), clock.instant());
        store.update(campaignId, "state", CampaignState.CHECKING_ELIGIBILITY, clock.instant());
        engine.getTaskService().complete(task.getId(), Map.of("approvedBy", user.userId()));
        return view(campaignId);
    }

    /** Stops sending; devices in flight finish; then the review task waits for resume or cancel. */
    public Map<String, Object> pause(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        CampaignDriver d = drivers.get(campaignId);
        if (c.state() != CampaignState.RUNNING || d == null) {
            throw new ConflictException("state", "only a running campaign can be paused", "campaign " + campaignId + " is " + c.state());
        }
        d.requestPause();
        store.update(campaignId, "pause_reason", "paused on demand by " + user.userId(), clock.instant());
        store.update(campaignId, "state", CampaignState.PAUSED, clock.instant());
        return view(campaignId);
    }

    /** Resumes a paused campaign (completes the review task with RESUME, or lifts a pause not yet at the gate). */
    public Map<String, Object> resume(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        Optional<Task> review = task(c, "reviewCampaign");
        if (review.isPresent()) {
            store.update(campaignId, "pause_reason", null, clock.instant());
            Map<String, Object> vars = new java.util.HashMap<>(resumeTo(c));
            vars.put(VAR_DECISION, "RESUME");
            vars.put("resumedBy", user.userId());
            engine.getTaskService().complete(review.get().getId(), vars);
            return view(campaignId);
        }
        CampaignDriver d = drivers.get(campaignId);
        if (c.state() == CampaignState.PAUSED && d != null && d.pauseRequested()) {
            d.clearPause();
            store.update(campaignId, "pause_reason", null, clock.instant());
            store.update(campaignId, "state", CampaignState.RUNNING, clock.instant());
            return view(campaignId);
        }
        throw new ConflictException("state", "only a paused campaign can be resumed", "campaign " + campaignId + " is " + c.state());
    }

    /** Cancels: devices not yet sent become CANCELLED; devices in flight finish. */
    public Map<String, Object> cancel(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        if (c.state() == CampaignState.COMPLETED || c.state() == CampaignState.CANCELLED) {
            throw new ConflictException("state", "a finished campaign cannot be cancelled", "campaign " + campaignId + " is " + c.state());
        }
        Optional<Task> review = task(c, "reviewCampaign");
        CampaignDriver d = drivers.get(campaignId);
        if (review.isPresent()) {
            engine.getTaskService().complete(review.get().getId(), Map.of(VAR_DECISION, "CANCEL", "cancelledBy", user.userId()));
        } else if (d != null) {
            d.requestCancel();
        } else {
            engine.getRuntimeService().createMessageCorrelation(CANCELLED).processInstanceBusinessKey(campaignId).correlateAll();
        }
        return view(campaignId);
    }

    // ---- called by bpmn/firmware-campaign.bpmn (through CampaignProcessBean) ----
    //
    // No store access runs inside an engine transaction: the engine and the store use different connections, and
    // an HSQLDB checkpoint waits for every open transaction, so a store statement issued while an engine
    // transaction is open could wait for a checkpoint that waits for that very transaction. Delegates therefore
    // only read and set process variables; store work runs after the engine commits, on its own thread, and
    // every such step is idempotent and re-run by recover() after a crash.

    /** After "Check eligibility" commits: checks every PENDING device, then correlates {@value #ELIGIBILITY_CHECKED}. */
    void eligibilityAfterCommit(String campaignId) {
        background("eligibility-" + campaignId.substring(0, 8), () -> {
            CampaignStore.CampaignRow c = row(campaignId);
            var loaded = rules.current();
            CampaignEligibility.Result r = CampaignEligibility.check(store, loaded, c, definition(c), clock.instant());
            store.update(campaignId, "rules_version", loaded.version(), clock.instant());
            LOG.info("campaign {}: {} eligible, {} skipped (rules {})", campaignId, r.eligible(), r.skipped(), loaded.version());
            correlate(campaignId, ELIGIBILITY_CHECKED, Map.of(VAR_WAVE, 1));
        });
    }

    /** After "Send wave" commits: marks the campaign RUNNING in wave {@code wave} and starts its sending loop. */
    void waveAfterCommit(String campaignId, int wave) {
        background("wave-start-" + campaignId.substring(0, 8), () -> {
            Instant now = clock.instant();
            store.update(campaignId, "current_wave", wave, now);
            store.update(campaignId, "pause_reason", null, now);
            store.update(campaignId, "state", CampaignState.RUNNING, now);
            startDriver(row(campaignId), wave);
        });
    }

    /** After the process ended: the campaign's final state (COMPLETED or CANCELLED; devices not sent are CANCELLED). */
    void endedAfterCommit(String campaignId, CampaignState end) {
        background("campaign-end-" + campaignId.substring(0, 8), () -> finish(campaignId, end));
    }

    private void finish(String campaignId, CampaignState end) {
        Instant now = clock.instant();
        CampaignDriver d = drivers.remove(campaignId);
        if (d != null) {
            d.stop();
        }
        if (end == CampaignState.CANCELLED) {
            store.jdbi().useHandle(h -> h.createUpdate("UPDATE campaign_device SET state = 'CANCELLED', reason = "
                            + "'campaign cancelled before sending', updated_at = :at WHERE campaign_id = :c AND state IN ('PENDING', 'SCHEDULED')")
                    .bind("at", CampaignStore.ts(now)).bind("c", campaignId).execute());
        }
        store.update(campaignId, "waiting_reason", null, now);
        store.update(campaignId, "state", end, now);
    }

    /**
     * The gate after a wave (issue 4, step 7), decided on the sending loop's thread before {@value #WAVE_ENDED} is
     * correlated: NEXT (success threshold met), PAUSE (threshold not met, error threshold crossed or paused on
     * demand), CANCEL or DONE. A PAUSE is recorded with its reason.
     */
    private String gate(String campaignId, int wave, CampaignDriver.WaveEnd end) {
        CampaignStore.CampaignRow c = row(campaignId);
        CampaignDefinition def = definition(c);
        Map<DeviceState, Long> counts = store.countByState(campaignId, wave);
        long unfinished = counts.entrySet().stream().filter(e -> !e.getKey().isFinal()).mapToLong(Map.Entry::getValue).sum();
        String gate;
        if (end == CampaignDriver.WaveEnd.CANCELLED) {
            gate = "CANCEL";
        } else if (end == CampaignDriver.WaveEnd.PAUSED || unfinished > 0) {
            gate = "PAUSE";
            if (c.pauseReason() == null) {
                store.update(campaignId, "pause_reason", "paused with " + unfinished + " devices of wave " + wave + " unfinished", clock.instant());
            }
        } else {
            long confirmed = counts.getOrDefault(DeviceState.CONFIRMED, 0L);
            long considered = counts.values().stream().mapToLong(Long::longValue).sum() - counts.getOrDefault(DeviceState.SKIPPED, 0L);
            long percent = considered == 0 ? 100 : confirmed * 100 / considered;
            if (wave >= c.waveCount()) {
                gate = "DONE";
            } else if (percent >= def.successThresholdPercent()) {
                gate = "NEXT";
            } else {
                gate = "PAUSE";
                store.update(campaignId, "pause_reason", "wave " + wave + " success " + percent + "% (CONFIRMED of "
                        + considered + ") is below the threshold of " + def.successThresholdPercent() + "%", clock.instant());
            }
        }
        if (gate.equals("PAUSE")) {
            store.update(campaignId, "state", CampaignState.PAUSED, clock.instant());
        }
        LOG.info("campaign {} wave {} gate: {}", campaignId, wave, gate);
        return gate;
    }

    /** Where a resumed campaign goes: the same wave if it has devices left, else the next (NEXT), or DONE. */
    private Map<String, Object> resumeTo(CampaignStore.CampaignRow c) {
        int wave = Math.max(1, c.currentWave());
        long unfinished = store.countByState(c.campaignId(), wave).entrySet().stream().filter(e -> !e.getKey().isFinal())
                .mapToLong(Map.Entry::getValue).sum();
        if (unfinished > 0) {
            return Map.of(VAR_WAVE, wave, VAR_GATE, "NEXT");
        }
        return wave < c.waveCount() ? Map.of(VAR_WAVE, wave + 1, VAR_GATE, "NEXT") : Map.of(VAR_WAVE, wave, VAR_GATE, "DONE");
    }

    // ---- running waves ----

    private void startDriver(CampaignStore.CampaignRow c, int wave) {
        RegisteredFirmwareImage image = images.findBySha256(c.imageSha256()).orElseThrow();
        CampaignDriver driver = new CampaignDriver(c.campaignId(), wave, store, definition(c), image.toSpi(), c.createdBy(),
                c.createdRole(), dsp, hans, this::highImpactMaintenance, clock, settings, this::waveEnded);
        CampaignDriver previous = drivers.put(c.campaignId(), driver);
        if (previous != null) {
            previous.stop();
        }
        driver.recover();
        Thread t = new Thread(driver);
        t.setDaemon(true);
        t.start();
    }

    /** The sending loop ended: decide the gate, then correlate {@value #WAVE_ENDED} with it. */
    private void waveEnded(String campaignId, int wave, CampaignDriver.WaveEnd end) {
        drivers.remove(campaignId);
        String gate = gate(campaignId, wave, end);
        correlate(campaignId, WAVE_ENDED, Map.of(VAR_WAVE_END, end.name(), VAR_GATE, gate));
    }

    /** Correlates a message to the campaign's process; retried while the process has not yet reached the wait. */
    private void correlate(String campaignId, String message, Map<String, Object> variables) {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(campaignId)
                        .setVariables(variables).correlateWithResult();
                return;
            } catch (MismatchingMessageCorrelationException e) {
                sleep(100);
            } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
                sleep(20);
            }
        }
        LOG.error("campaign {}: {} could not be correlated; its process never waited for it", campaignId, message);
    }

    private static void background(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; the store keeps the campaign's state and a restart resumes it", name, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** A High Impact Planned Maintenance window open now, as a reason; else empty (DOMAIN.md 4.1; seed 004 MP092). */
    private Optional<String> highImpactMaintenance() {
        if (maintenance == null) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), UK);
        for (StoredWindow w : maintenance.windows(now, now.plusSeconds(1))) {
            if (w.impact() == Impact.HIGH) {
                return Optional.of("waiting for High Impact Planned Maintenance window " + w.id() + " (" + w.start() + " to "
                        + w.end() + "); sending resumes after it");
            }
        }
        return Optional.empty();
    }

    /**
     * Restarts the wave of every running or pausing campaign from the store (after a restart or crash); each wave's
     * driver recovers its devices (see {@link CampaignDriver#recover()}).
     */
    public void recover() {
        var runtime = engine.getRuntimeService();
        for (String id : store.allCampaignIds()) {
            CampaignStore.CampaignRow c = row(id);
            if (c.processInstanceId() == null || c.state() == CampaignState.COMPLETED || c.state() == CampaignState.CANCELLED) {
                continue;
            }
            if (runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult() == null) {
                boolean completed = engine.getHistoryService().createHistoricActivityInstanceQuery()
                        .processInstanceId(c.processInstanceId()).activityId("campaignCompleted").count() > 0;
                LOG.info("campaign {}: its process ended before a restart; recording it {}", id, completed ? "COMPLETED" : "CANCELLED");
                finish(id, completed ? CampaignState.COMPLETED : CampaignState.CANCELLED);
            } else if (!runtime.createExecutionQuery().processInstanceId(c.processInstanceId()).activityId("waitForEligibility").list().isEmpty()) {
                LOG.info("campaign {}: checking eligibility again after a restart", id);
                eligibilityAfterCommit(id);
            } else if (!runtime.createExecutionQuery().processInstanceId(c.processInstanceId()).activityId("waitForWave").list().isEmpty()) {
                int wave = ((Number) runtime.getVariable(c.processInstanceId(), VAR_WAVE)).intValue();
                LOG.info("campaign {}: recovering wave {} after a restart", id, wave);
                store.update(id, "current_wave", wave, clock.instant());
                startDriver(row(id), wave);
                if (c.state() == CampaignState.PAUSED) {
                    drivers.get(id).requestPause();
                }
            }
        }
    }

    /** Stops the drivers (platform shutdown); the store keeps every device's state. */
    public void close() {
        drivers.values().forEach(CampaignDriver::stop);
        drivers.clear();
    }

    // ---- views (CampaignViews) ----

    /**
     * A campaign: definition, state, current wave and gate, counts per state, per wave, per Alt HAN variant and per
     * region (from the store), open tasks.
     *
     * @throws NotFoundException for an unknown id
     */
    public Map<String, Object> view(String campaignId) {
        return views().view(row(campaignId));
    }

    /** All campaigns, newest first, without counts. */
    public List<Map<String, Object>> list() {
        return store.allCampaignIds().stream().map(id -> views().summary(row(id))).toList();
    }

    /** One page of a campaign's devices (by device id), optionally in one state. */
    public Map<String, Object> devices(String campaignId, DeviceState state, int page, int size) {
        row(campaignId);
        return views().devices(campaignId, state, page, size);
    }

    /** Device-level numbers straight from the store, for tests and the benchmark. */
    public Map<DeviceState, Long> counts(String campaignId) {
        return store.countByState(campaignId, null);
    }

    /** The campaign's state. */
    public CampaignState state(String campaignId) {
        return row(campaignId).state();
    }

    private CampaignViews views() {
        return new CampaignViews(store, engine);
    }

    private Optional<Task> task(CampaignStore.CampaignRow c, String key) {
        if (c.processInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey(key).singleResult());
    }

    private CampaignStore.CampaignRow row(String campaignId) {
        return store.find(campaignId).orElseThrow(() -> new NotFoundException("campaignId", "no campaign " + campaignId));
    }

    /** The campaign, for its own Supplier party, an operator or an admin. */
    private CampaignStore.CampaignRow ownRow(User user, String campaignId) {
        CampaignStore.CampaignRow c = row(campaignId);
        if (!user.party().equals(c.createdParty()) && !user.hasPlatformRole(PlatformRole.OPERATOR)) {
            throw new ForbiddenException("a campaign is controlled by its Supplier's users, an operator or an admin",
                    "user " + user.userId() + " may not control campaign " + campaignId);
        }
        return c;
    }

    static CampaignDefinition definition(CampaignStore.CampaignRow c) {
        try {
            return JSON.readValue(c.definitionJson(), CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + c.campaignId() + " has an unreadable definition", e);
        }
    }

    private static String json(CampaignDefinition def) {
        try {
            return JSON.writeValueAsString(def);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
