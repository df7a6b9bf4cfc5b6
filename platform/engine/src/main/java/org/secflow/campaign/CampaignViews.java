package org.secflow.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The JSON shapes of {@code GET /api/campaigns...}: a campaign with its counts from the store and its place in the
 * process (active activities, open tasks), a summary line, a page of devices.
 */
final class CampaignViews {
    private final CampaignStore store;
    private final ProcessEngine engine;

    CampaignViews(CampaignStore store, ProcessEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    Map<String, Object> view(CampaignStore.CampaignRow c) {
        String campaignId = c.campaignId();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("campaignId", c.campaignId());
        v.put("name", c.name());
        v.put("state", c.state());
        v.put("image", Map.of("sha256", c.imageSha256(), "version", c.imageVersion(), "model", c.imageModel()));
        v.put("createdBy", c.createdBy());
        v.put("party", c.createdParty());
        v.put("approvedBy", c.approvedBy());
        v.put("currentWave", c.currentWave());
        v.put("waves", c.waveCount());
        v.put("pauseReason", c.pauseReason());
        v.put("waitingFor", c.waitingReason());
        v.put("rulesVersion", c.rulesVersion());
        v.put("definition", c.definition());
        Map<DeviceState, Long> counts = store.countByState(campaignId, null);
        v.put("devices", counts.values().stream().mapToLong(Long::longValue).sum());
        v.put("counts", counts);
        v.put("byWave", store.countBy(campaignId, "wave"));
        v.put("byVariant", store.countBy(campaignId, "alt_han_variant"));
        v.put("byRegion", store.countBy(campaignId, "region"));
        v.put("gate", currentActivities(c));
        v.put("openTasks", c.processInstanceId() == null ? List.of() : engine.getTaskService().createTaskQuery()
                .processInstanceId(c.processInstanceId()).list().stream()
                .map(t -> Map.of("id", t.getId(), "name", t.getName(), "key", t.getTaskDefinitionKey())).toList());
        v.put("createdAt", c.createdAt());
        v.put("updatedAt", c.updatedAt());
        return v;
    }

    Map<String, Object> summary(CampaignStore.CampaignRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", c.campaignId());
        m.put("name", c.name());
        m.put("state", c.state());
        m.put("currentWave", c.currentWave());
        m.put("createdAt", c.createdAt());
        return m;
    }

    Map<String, Object> devices(String campaignId, DeviceState state, int page, int size) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("campaignId", campaignId);
        v.put("state", state);
        v.put("page", page);
        v.put("size", size);
        v.put("total", store.deviceCount(campaignId, state));
        v.put("items", store.devices(campaignId, state, page * size, size));
        return v;
    }

    private List<String> currentActivities(CampaignStore.CampaignRow c) {
        if (c.processInstanceId() == null || engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult() == null) {
            return List.of(); // not started or ended
        }
        try {
            return engine.getRuntimeService().getActiveActivityIds(c.processInstanceId());
        } catch (org.camunda.bpm.engine.exception.NullValueException endedMeanwhile) {
            return List.of(); // the process ended between the two queries: a view read while a campaign finishes
        }
    }
}
