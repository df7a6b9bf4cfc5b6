package org.secflow.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.access.User;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.inventory.SmiReadModel;
import org.secflow.maintenance.MaintenanceService;
import org.secflow.problem.ConflictException;
import org.secflow.problem.ForbiddenException;
import org.secflow.problem.InvalidFieldException;
import org.secflow.problem.NotFoundException;
import org.secflow.rules.RuleBase;
import org.secflow.spi.Dsp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firmware campaigns for PPMIDs and Alt HAN bridges (the MP170 draft Modification Report and the DCC Preliminary Impact Assessment for SECMP0170): create, approve (a
 * second person), eligibility, waves with gates, pause/resume/cancel, views. The process {@code bpmn/firmware-campaign.bpmn}
 * orchestrates the campaign and its waves and calls this service as the bean {@value #BEAN}; the state of every
 * device lives in the store and is driven by a {@link CampaignDriver} per running wave (not one process instance
 * per device: about 1,000 instances/s, measured with Camunda 7 on HSQLDB, is too slow for a national campaign). This class is
 * the API side; what follows the process's steps (eligibility, waves, gates, recovery) is {@link CampaignWaves}.
 *
 * <p>Crash safety: the store is the truth. A device is recorded SENT before the DSP has it; every later change
 * applies only from the states it expects, so repeated callbacks are harmless; engine steps that write devices
 * (eligibility) only touch PENDING devices, so a step retried after a crash writes the same thing. At start,
 * {@link #recover()} restarts the wave of every running campaign from the store.
 *
 * <p>About 440 lines, kept whole: it is the campaign's API, one short method per operation a route calls (create,
 * approve, pause, resume, cancel, views), each checking the caller's scope and the campaign's state under the same
 * per-campaign lock; the steps behind them already live in {@link CampaignWaves}, {@link CampaignDriver},
 * {@link CampaignEligibility} and {@link CampaignViews}.
 */
public final class FirmwareCampaignService {
    /** {@link CampaignProcess#BEAN}, for the platform's wiring. */
    public static final String BEAN = CampaignProcess.BEAN;
    /** {@link CampaignProcess#PROCESS_KEY}, for the platform's wiring. */
    public static final String PROCESS_KEY = CampaignProcess.PROCESS_KEY;

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareCampaignService.class);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** Default limit of campaigns a Supplier has not yet completed or cancelled. */
    public static final int DEFAULT_MAX_ACTIVE_PER_SUPPLIER = 10;
    private final int maxActivePerSupplier;
    private final Object[] actionLocks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
    private final CampaignStore store;
    private final FirmwareImageCatalogue images;
    private final Clock clock;
    private final CampaignWaves waves;
    private volatile ProcessEngine engine;

    /**
     * @param smi the SMI read model the platform's readers share: a CONFIRMED device's new version is written to the
     *        SMI (BR5-BR7) through it
     */
    public FirmwareCampaignService(org.jdbi.v3.core.Jdbi jdbi, RuleBase rules, FirmwareImageCatalogue images,
                                   Supplier<Optional<Dsp>> dsp, MaintenanceService maintenance, Clock clock,
                                   SmiReadModel smi) {
        this(jdbi, rules, images, dsp, maintenance, clock, smi, DEFAULT_MAX_ACTIVE_PER_SUPPLIER);
    }

    /**
     * @param maxActivePerSupplier campaigns a Supplier party may have not yet completed or cancelled at once (at least 1)
     */
    public FirmwareCampaignService(org.jdbi.v3.core.Jdbi jdbi, RuleBase rules, FirmwareImageCatalogue images,
                                   Supplier<Optional<Dsp>> dsp, MaintenanceService maintenance, Clock clock,
                                   SmiReadModel smi, int maxActivePerSupplier) {
        this(jdbi, rules, images, dsp, maintenance, clock, smi, maxActivePerSupplier, ids -> { });
    }

    /**
     * @param routesAhead reads the SMI routes of the devices a wave is about to send Service Requests for in one query
     *        ({@link org.secflow.inventory.SmiInventoryLookup#readAhead}, the lookup the DSP is given), so that the DSP
     *        does not read them one by one
     */
    public FirmwareCampaignService(org.jdbi.v3.core.Jdbi jdbi, RuleBase rules, FirmwareImageCatalogue images,
                                   Supplier<Optional<Dsp>> dsp, MaintenanceService maintenance, Clock clock,
                                   SmiReadModel smi, int maxActivePerSupplier,
                                   java.util.function.Consumer<java.util.List<String>> routesAhead) {
        if (maxActivePerSupplier < 1) {
            throw new IllegalArgumentException("campaigns.maxActivePerSupplier must be at least 1, was " + maxActivePerSupplier);
        }
        this.maxActivePerSupplier = maxActivePerSupplier;
        this.store = new CampaignStore(jdbi, smi);
        this.images = images;
        this.clock = clock;
        this.waves = new CampaignWaves(store, rules, images, dsp, maintenance, clock, routesAhead);
    }

    /** Binds the engine the campaigns run on (after it is built with this service as bean {@value #BEAN}). */
    public void bind(ProcessEngine engine) {
        this.engine = engine;
        waves.bind(engine);
    }

    /**
     * Creates a campaign and starts its process at the approval task.
     *
     * @return the campaign view
     * @throws ForbiddenException when the User holds no Supplier role (IS or GS) to send SRV 11.4
     * @throws InvalidFieldException when the image is unknown (BR12) or the selection matches no device
     * @throws ConflictException when the Supplier already has its limit of campaigns not yet completed or cancelled
     */
    public Map<String, Object> create(User user, CampaignDefinition def) {
        String role = user.dccUserRoles().contains(DccUserRole.IS) ? "IS"
                : user.dccUserRoles().contains(DccUserRole.GS) ? "GS" : null;
        if (role == null) {
            throw new ForbiddenException("SRV 11.4 Update Firmware is sent by a Supplier (DCC User Role IS or GS; DUIS matrix)",
                    "user " + user.userId() + " holds no Supplier role");
        }
        RegisteredFirmwareImage image = images.findBySha256(def.imageSha256()).orElseThrow(() -> new InvalidFieldException(
                "imageSha256", "BR12: only firmware images in the known-image list may be sent (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)",
                "no known firmware image has SHA-256 " + def.imageSha256()));
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int selected;
        synchronized (actionLocks) { // counting and inserting together: two creations at once cannot both pass the limit
            long active = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM firmware_campaign WHERE created_party = :p"
                    + " AND state NOT IN ('COMPLETED', 'CANCELLED')").bind("p", user.party()).mapTo(Long.class).one());
            if (active >= maxActivePerSupplier) {
                throw new ConflictException("campaign", "a Supplier runs at most " + maxActivePerSupplier
                        + " campaigns not yet completed or cancelled at once (campaigns.maxActivePerSupplier)",
                        user.party() + " has " + active + " campaigns not yet completed or cancelled");
            }
            selected = insert(user, def, image, id, role, now);
        }
        if (selected == 0) {
            throw new InvalidFieldException("selection", "a campaign targets at least one PPMID or Alt HAN bridge of the SMI",
                    "the selection matches no device");
        }
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, id, Map.of(CampaignProcess.VAR_CAMPAIGN, id));
        store.setProcessInstance(id, pi.getId());
        LOG.info("campaign {} '{}' created by {}: {} devices selected, image {} {}", id, def.name(), user.userId(), selected,
                image.model(), image.version());
        return view(id);
    }

    private int insert(User user, CampaignDefinition def, RegisteredFirmwareImage image, String id, String role, Instant now) {
        return store.jdbi().inTransaction(h -> {
            store.insertCampaign(h, new CampaignStore.CampaignRow(id, def.name(), image.sha256(), image.version(), image.model(),
                    user.userId(), user.party(), role, null, CampaignState.AWAITING_APPROVAL, 0, def.waves().size(), json(def),
                    null, null, null, null, now, now));
            int n = store.selectTargets(h, id, def.selection(), now, user.party());
            if (n == 0) {
                h.rollback();
            }
            return n;
        });
    }

    /**
     * Approves a campaign: the approval task is completed by a second person (campaign step 2, docs/architecture.md).
     *
     * @throws ForbiddenException when the approver created the campaign, or acts for another party and is no admin
     * @throws ConflictException when the campaign is not awaiting approval
     */
    public Map<String, Object> approve(User user, String campaignId) {
        return serialised(campaignId, () -> approveNow(user, campaignId));
    }

    private Map<String, Object> approveNow(User user, String campaignId) {
        CampaignStore.CampaignRow c = visibleRow(user, campaignId);
        if (user.userId().equals(c.createdBy())) {
            throw new ForbiddenException("four eyes: the creator of a campaign cannot approve it",
                    "user " + user.userId() + " created campaign " + campaignId);
        }
        if (!user.party().equals(c.createdParty()) && !user.hasPlatformRole(PlatformRole.ADMIN)) {
            throw new ForbiddenException("a campaign is approved by its Supplier's own users (or an admin)",
                    "user " + user.userId() + " may not approve campaign " + campaignId);
        }
        Task task = task(c, "approveCampaign").orElseThrow(() -> new ConflictException("state",
                "only a campaign awaiting approval can be approved", "campaign " + campaignId + " is " + c.state()));
        store.update(campaignId, "approved_by", user.userId(), clock.instant());
        store.update(campaignId, "state", CampaignState.CHECKING_ELIGIBILITY, clock.instant());
        try {
            engine.getTaskService().complete(task.getId(), Map.of("approvedBy", user.userId()));
        } catch (RuntimeException e) {
            // the approval did not take effect: it must not name this User
            store.update(campaignId, "approved_by", null, clock.instant());
            store.update(campaignId, "state", c.state(), clock.instant());
            throw e;
        }
        return view(campaignId);
    }

    /** Stops sending; devices in flight finish; then the review task waits for resume or cancel. */
    public Map<String, Object> pause(User user, String campaignId) {
        return serialised(campaignId, () -> pauseNow(user, campaignId));
    }

    private Map<String, Object> pauseNow(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        CampaignDriver d = waves.driver(campaignId).orElse(null);
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
        return serialised(campaignId, () -> resumeNow(user, campaignId));
    }

    private Map<String, Object> resumeNow(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        Optional<Task> review = task(c, "reviewCampaign");
        if (review.isPresent()) {
            store.update(campaignId, "pause_reason", null, clock.instant());
            Map<String, Object> vars = new java.util.HashMap<>(waves.resumeTo(c));
            vars.put(CampaignProcess.VAR_DECISION, "RESUME");
            vars.put("resumedBy", user.userId());
            engine.getTaskService().complete(review.get().getId(), vars);
            return view(campaignId);
        }
        CampaignDriver d = waves.driver(campaignId).orElse(null);
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
        return serialised(campaignId, () -> cancelNow(user, campaignId));
    }

    private Map<String, Object> cancelNow(User user, String campaignId) {
        CampaignStore.CampaignRow c = ownRow(user, campaignId);
        if (c.state() == CampaignState.COMPLETED || c.state() == CampaignState.CANCELLED) {
            throw new ConflictException("state", "a finished campaign cannot be cancelled", "campaign " + campaignId + " is " + c.state());
        }
        Optional<Task> review = task(c, "reviewCampaign");
        CampaignDriver d = waves.driver(campaignId).orElse(null);
        if (review.isPresent()) {
            engine.getTaskService().complete(review.get().getId(), Map.of(CampaignProcess.VAR_DECISION, "CANCEL", "cancelledBy", user.userId()));
        } else if (d != null) {
            d.requestCancel();
        } else {
            engine.getRuntimeService().createMessageCorrelation(CampaignProcess.CANCELLED).processInstanceBusinessKey(campaignId).correlateAll();
        }
        return view(campaignId);
    }

    // ---- called by bpmn/firmware-campaign.bpmn (through CampaignProcessBean): see CampaignWaves ----

    /** The waves of running campaigns (for {@link CampaignProcessBean}). */
    CampaignWaves waves() {
        return waves;
    }

    /**
     * Restarts the wave of every running or pausing campaign from the store (after a restart or crash); each wave's
     * driver recovers its devices (see {@link CampaignDriver#recover()}).
     */
    public void recover() {
        waves.recover();
    }

    /** Stops the drivers (platform shutdown); the store keeps every device's state. */
    public void close() {
        waves.close();
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

    /**
     * A campaign as {@link #view(String)} shows it, when the User may see it: its Supplier's Users, DCC operators and
     * admins.
     *
     * @throws NotFoundException for an unknown id and for another Party's campaign (the same answer)
     */
    public Map<String, Object> view(User user, String campaignId) {
        return views().view(visibleRow(user, campaignId));
    }

    /**
     * Runs a User's action on one campaign alone: approve, pause, resume and cancel of the same campaign wait for
     * each other (the later one sees the state the earlier one left), and a clash with the campaign's own process
     * (a wave ending at the same moment) answers 409 with the state that won instead of the engine's error.
     */
    private Map<String, Object> serialised(String campaignId, java.util.function.Supplier<Map<String, Object>> action) {
        synchronized (actionLocks[Math.floorMod(campaignId.hashCode(), actionLocks.length)]) {
            try {
                return action.get();
            } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException
                     | org.camunda.bpm.engine.exception.NotFoundException e) {
                CampaignState now = row(campaignId).state();
                throw new ConflictException("state", "the campaign changed while the request was carried out; nothing of it took effect",
                        "campaign " + campaignId + " is now " + now);
            }
        }
    }

    /** Devices per state over the campaigns not yet finished, read from the store (for the metrics scrape). */
    public Map<DeviceState, Long> unfinishedDevicesByState() {
        return store.countUnfinishedByState();
    }

    /** Device transitions this process applied, by the state moved to. */
    public Map<DeviceState, Long> deviceTransitions() {
        return store.transitionCounts();
    }

    /** All campaigns, newest first, without counts. */
    public List<Map<String, Object>> list() {
        return store.allCampaignIds().stream().map(id -> views().summary(row(id))).toList();
    }

    /** The campaigns a User may see, newest first, without counts; other Parties' campaigns are left out. */
    public List<Map<String, Object>> list(User user) {
        return store.allCampaignIds().stream().map(this::row).filter(c -> sees(user, c)).map(c -> views().summary(c)).toList();
    }

    /** One page of a campaign's devices (by device id), optionally in one state. */
    public Map<String, Object> devices(String campaignId, DeviceState state, int page, int size) {
        row(campaignId);
        if (page < 0 || page > org.secflow.inventory.DeviceQuery.MAX_PAGE) {
            throw new org.secflow.problem.InvalidFieldException("page", "page is 0 to " + org.secflow.inventory.DeviceQuery.MAX_PAGE,
                    "page " + page + " is out of range");
        }
        return views().devices(campaignId, state, page, size);
    }

    /**
     * One page of a campaign's devices when the User may see the campaign.
     *
     * @throws NotFoundException for an unknown id and for another Party's campaign (the same answer)
     */
    public Map<String, Object> devices(User user, String campaignId, DeviceState state, int page, int size) {
        visibleRow(user, campaignId);
        return views().devices(campaignId, state, page, size);
    }

    /**
     * Checks that the User may see the campaign.
     *
     * @throws NotFoundException for an unknown id and for another Party's campaign (the same answer)
     */
    public void requireVisible(User user, String campaignId) {
        visibleRow(user, campaignId);
    }

    /** Device-level numbers straight from the store, for tests and the benchmark. */
    public Map<DeviceState, Long> counts(String campaignId) {
        return store.countByState(campaignId, null);
    }

    /**
     * Devices of the campaign in a final state while one of its waves runs: the count its sending loop keeps in
     * memory, a progress figure that costs no query (the store stays the truth; {@link #counts}). Empty while no
     * wave runs.
     */
    public java.util.OptionalLong runningFinalDevices(String campaignId) {
        return waves.driver(campaignId).map(d -> java.util.OptionalLong.of(d.finalDevices())).orElse(java.util.OptionalLong.empty());
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
        return store.require(campaignId);
    }

    /** The campaign, for its own Supplier party, an operator or an admin. */
    private CampaignStore.CampaignRow ownRow(User user, String campaignId) {
        return visibleRow(user, campaignId);
    }

    /**
     * The campaign when the User may see it (its Supplier's Users, DCC operators, admins); another Party's campaign
     * answers exactly as a missing one, so its existence is not disclosed.
     */
    private CampaignStore.CampaignRow visibleRow(User user, String campaignId) {
        Optional<CampaignStore.CampaignRow> c = store.find(campaignId);
        if (c.isEmpty() || !sees(user, c.get())) {
            throw new NotFoundException("campaignId", "no such campaign for this User");
        }
        return c.get();
    }

    private static boolean sees(User user, CampaignStore.CampaignRow c) {
        return user.party().equals(c.createdParty()) || user.hasPlatformRole(PlatformRole.OPERATOR);
    }

    private static String json(CampaignDefinition def) {
        try {
            return JSON.writeValueAsString(def);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
