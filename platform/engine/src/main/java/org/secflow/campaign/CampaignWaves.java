package org.secflow.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.secflow.inventory.FirmwareImageCatalogue;
import org.secflow.inventory.RegisteredFirmwareImage;
import org.secflow.maintenance.Impact;
import org.secflow.maintenance.MaintenanceService;
import org.secflow.maintenance.StoredWindow;
import org.secflow.rules.RuleBase;
import org.secflow.spi.Dsp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waves of running campaigns (campaign steps 3-7, docs/architecture.md): the store work that follows each step of
 * {@code bpmn/firmware-campaign.bpmn} (eligibility, starting a wave's {@link CampaignDriver}, the campaign's end), the
 * gate decided when a wave ends, the messages correlated back to the process, and recovery after a restart. The
 * API side (create, approve, pause, resume, cancel, views) is {@link FirmwareCampaignService}.
 */
final class CampaignWaves {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignWaves.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CampaignStore store;
    private final RuleBase rules;
    private final FirmwareImageCatalogue images;
    private final Supplier<Optional<Dsp>> dsp;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final HanLocks hans = new HanLocks();
    private final Map<String, CampaignDriver> drivers = new ConcurrentHashMap<>();
    private final CampaignDriver.Settings settings = new CampaignDriver.Settings(20_000, 5_000);
    private final java.util.function.Consumer<List<String>> routesAhead;
    private volatile ProcessEngine engine;

    CampaignWaves(CampaignStore store, RuleBase rules, FirmwareImageCatalogue images, Supplier<Optional<Dsp>> dsp,
                  MaintenanceService maintenance, Clock clock, java.util.function.Consumer<List<String>> routesAhead) {
        this.routesAhead = routesAhead;
        this.store = store;
        this.rules = rules;
        this.images = images;
        this.dsp = dsp;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    void bind(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The sending loop of the campaign's running wave, if any. */
    Optional<CampaignDriver> driver(String campaignId) {
        return Optional.ofNullable(drivers.get(campaignId));
    }

    // ---- called by bpmn/firmware-campaign.bpmn (through CampaignProcessBean) ----
    //
    // No store access runs inside an engine transaction: the engine and the store use different connections, and
    // an HSQLDB checkpoint waits for every open transaction, so a store statement issued while an engine
    // transaction is open could wait for a checkpoint that waits for that very transaction. Delegates therefore
    // only read and set process variables; store work runs after the engine commits, on its own thread, and
    // every such step is idempotent and re-run by recover() after a crash.

    /**
     * After "Check eligibility" commits: checks every PENDING device, then correlates
     * {@value CampaignProcess#ELIGIBILITY_CHECKED}.
     */
    void eligibilityAfterCommit(String campaignId) {
        background("eligibility-" + campaignId.substring(0, 8), () -> {
            CampaignStore.CampaignRow c = store.require(campaignId);
            var loaded = rules.current();
            CampaignEligibility.Result r = CampaignEligibility.check(store, loaded, c, c.definition(), clock.instant());
            store.update(campaignId, "rules_version", loaded.version(), clock.instant());
            LOG.info("campaign {}: {} eligible, {} skipped (rules {})", campaignId, r.eligible(), r.skipped(), loaded.version());
            correlate(campaignId, CampaignProcess.ELIGIBILITY_CHECKED, Map.of(CampaignProcess.VAR_WAVE, 1));
        });
    }

    /** After "Send wave" commits: marks the campaign RUNNING in wave {@code wave} and starts its sending loop. */
    void waveAfterCommit(String campaignId, int wave) {
        background("wave-start-" + campaignId.substring(0, 8), () -> {
            Instant now = clock.instant();
            store.update(campaignId, "current_wave", wave, now);
            store.update(campaignId, "pause_reason", null, now);
            store.update(campaignId, "state", CampaignState.RUNNING, now);
            startDriver(store.require(campaignId), wave);
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
            store.cancelUnsent(campaignId, now);
        }
        store.update(campaignId, "waiting_reason", null, now);
        store.update(campaignId, "state", end, now);
    }

    /**
     * The gate after a wave (campaign step 7, docs/architecture.md), decided on the sending loop's thread before
     * {@value CampaignProcess#WAVE_ENDED} is correlated: NEXT (success threshold met), PAUSE (threshold not
     * met, error threshold crossed or paused on demand), CANCEL or DONE. A PAUSE is recorded with its reason.
     */
    private String gate(String campaignId, int wave, CampaignDriver.WaveEnd end) {
        CampaignStore.CampaignRow c = store.require(campaignId);
        CampaignDefinition def = c.definition();
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
    Map<String, Object> resumeTo(CampaignStore.CampaignRow c) {
        int wave = Math.max(1, c.currentWave());
        long unfinished = store.countByState(c.campaignId(), wave).entrySet().stream().filter(e -> !e.getKey().isFinal())
                .mapToLong(Map.Entry::getValue).sum();
        if (unfinished > 0) {
            return Map.of(CampaignProcess.VAR_WAVE, wave, CampaignProcess.VAR_GATE, "NEXT");
        }
        return wave < c.waveCount() ? Map.of(CampaignProcess.VAR_WAVE, wave + 1, CampaignProcess.VAR_GATE, "NEXT") : Map.of(CampaignProcess.VAR_WAVE, wave, CampaignProcess.VAR_GATE, "DONE");
    }

    // ---- running waves ----

    private void startDriver(CampaignStore.CampaignRow c, int wave) {
        RegisteredFirmwareImage image = images.findBySha256(c.imageSha256()).orElseThrow();
        CampaignDriver driver = new CampaignDriver(c.campaignId(), wave, store, c.definition(), image.toSpi(), c.createdBy(),
                c.createdRole(), dsp, hans, this::highImpactMaintenance, clock, settings, this::waveEnded, routesAhead);
        CampaignDriver previous = drivers.put(c.campaignId(), driver);
        if (previous != null) {
            previous.stop();
        }
        driver.recover();
        Thread t = new Thread(driver);
        t.setDaemon(true);
        t.start();
    }

    /** The sending loop ended: decide the gate, then correlate {@value CampaignProcess#WAVE_ENDED} with it. */
    private void waveEnded(String campaignId, int wave, CampaignDriver.WaveEnd end) {
        drivers.remove(campaignId);
        String gate = gate(campaignId, wave, end);
        correlate(campaignId, CampaignProcess.WAVE_ENDED, Map.of(CampaignProcess.VAR_WAVE_END, end.name(), CampaignProcess.VAR_GATE, gate));
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

    /** A High Impact Planned Maintenance window open now, as a reason; else empty (SEC Section H8 as changed by MP092; SEC Panel paper, December 2020, MP092). */
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
    void recover() {
        var runtime = engine.getRuntimeService();
        for (String id : store.allCampaignIds()) {
            CampaignStore.CampaignRow c = store.require(id);
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
                int wave = ((Number) runtime.getVariable(c.processInstanceId(), CampaignProcess.VAR_WAVE)).intValue();
                LOG.info("campaign {}: recovering wave {} after a restart", id, wave);
                store.update(id, "current_wave", wave, clock.instant());
                startDriver(store.require(id), wave);
                if (c.state() == CampaignState.PAUSED) {
                    drivers.get(id).requestPause();
                }
            }
        }
    }

    /** Stops the drivers (platform shutdown); the store keeps every device's state. */
    void close() {
        drivers.values().forEach(CampaignDriver::stop);
        drivers.clear();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
