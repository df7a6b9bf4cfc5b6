package org.secflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.secflow.rules.LoadedRules;
import org.secflow.rules.RuleFinding;
import org.secflow.servicerequest.Decision;
import org.secflow.servicerequest.RuleEvaluator;
import org.secflow.servicerequest.ServiceRequestFact;

/**
 * Step 3 of a campaign: every PENDING device goes through the same rules as a single SRV 11.4 Service
 * Request from the campaign's creator (rules/srv-applicability, alt-han, registered-supplier: Registered Supplier,
 * SRV 11.4 applicable, not TCSO re-classified, no update already in progress, image known and applicable to the
 * model, BR12) plus the campaign's upgrade pathway (MP231). Ineligible devices become SKIPPED with the rule and its
 * message and are never sent; eligible ones become SCHEDULED and are spread over the waves in device-id order.
 *
 * <p>A device already on the campaign's image is skipped ({@code ALREADY-ON-IMAGE}); one sent, delivered or activated
 * in another campaign not completed counts as an update in progress (the rules skip it); one still to be updated by
 * another campaign neither completed nor cancelled is skipped ({@code IN-ANOTHER-CAMPAIGN}): a device is in one
 * running campaign at most.
 *
 * <p>Idempotent: run again (a retried engine job after a crash) it only sees the devices still PENDING and assigns
 * the same waves, because wave sizes are taken from the eligible total recorded on the first pass.
 */
final class CampaignEligibility {
    private static final int PAGE = 5_000;
    /** Devices per set-based wave-assignment statement. */
    private static final int RANGE = 50_000;

    private CampaignEligibility() {
    }

    /** Outcome: eligible and skipped counts. */
    record Result(long eligible, long skipped) {
    }

    /**
     * Eligibility passes run one at a time in this process: two campaigns approved at the same moment would otherwise
     * each see the other's devices not yet scheduled and both send the same device (the embedded database admits
     * one process).
     */
    private static final Object ONE_AT_A_TIME = new Object();

    static Result check(CampaignStore store, LoadedRules rules, CampaignStore.CampaignRow c, CampaignDefinition def, Instant now) {
        synchronized (ONE_AT_A_TIME) {
            return checkAlone(store, rules, c, def, now);
        }
    }

    private static Result checkAlone(CampaignStore store, LoadedRules rules, CampaignStore.CampaignRow c, CampaignDefinition def, Instant now) {
        // updates in progress elsewhere: only campaigns not COMPLETED can have devices in flight, so the campaign rows
        // read (through the primary key) are those of running, paused or cancelling campaigns, not every campaign kept
        Set<String> inProgress = store.jdbi().withHandle(h -> new HashSet<>(h.createQuery("""
                SELECT device_id FROM service_request_device WHERE srv = '11.4' AND state IN ('ACCEPTED', 'SENT', 'DELIVERED_TO_HUB', 'DELIVERED')
                UNION SELECT cd.device_id FROM firmware_campaign fc JOIN campaign_device cd ON cd.campaign_id = fc.campaign_id
                 WHERE fc.state <> 'COMPLETED' AND fc.campaign_id <> :id AND cd.state IN ('SENT', 'DELIVERED', 'ACTIVATED')
                UNION SELECT device_id FROM device_update_claim WHERE holder <> :id""")
                .bind("id", c.campaignId()).mapTo(String.class).list()));
        java.util.Map<String, String> otherCampaign = store.inOtherRunningCampaigns(c.campaignId());
        List<String> eligible = new ArrayList<>();
        List<String[]> skips = new ArrayList<>();
        // one streamed pass over the PENDING devices; decisions kept in memory, written in batches below
        java.time.LocalDate day = java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/London"));
        // a session of the pass's own, disposed when it ends: the thread's reused session would keep what each of
        // its decisions left (about 1.1 GB after a million) for as long as the rule base lives
        org.kie.api.runtime.KieSession session = rules.newSession();
        try {
            store.jdbi().useHandle(h -> CampaignStore.streamingRun(h, () -> {
                try (var rows = candidates(h, c)) {
                    rows.forEach(candidate -> {
                        ServiceRequestFact f = candidate.fact();
                        f.setUpdateInProgress(inProgress.contains(f.getDeviceId()));
                        f.setRequestDate(day);
                        Decision d = RuleEvaluator.evaluate(rules, session, f);
                        String pathway = pathwayProblem(def, candidate.fromVersion());
                        if (c.imageVersion().equals(candidate.fromVersion())) {
                            skips.add(new String[] {f.getDeviceId(), "ALREADY-ON-IMAGE: the SMI holds version " + candidate.fromVersion()
                                    + ", the campaign's image; nothing to send"});
                        } else if (!d.getViolations().isEmpty()) {
                            skips.add(new String[] {f.getDeviceId(), reason(d.getViolations())});
                        } else if (otherCampaign.containsKey(f.getDeviceId())) {
                            skips.add(new String[] {f.getDeviceId(), "IN-ANOTHER-CAMPAIGN: the device is to be updated by campaign "
                                    + otherCampaign.get(f.getDeviceId()) + ", not finished; a device is in one running campaign at most"});
                        } else if (pathway != null) {
                            skips.add(new String[] {f.getDeviceId(), pathway});
                        } else {
                            eligible.add(f.getDeviceId());
                        }
                    });
                }
            }));
        } finally {
            try {
                session.dispose();
            } catch (RuntimeException alreadyDisposed) {
                // a rule fault disposed it
            }
        }
        store.skipIneligible(c.campaignId(), skips, now, PAGE);
        long skipped = skips.size();
        eligible.sort(null);
        long alreadyScheduled = store.deviceCount(c.campaignId(), DeviceState.SCHEDULED);
        assignWaves(store, c.campaignId(), def, eligible, alreadyScheduled, now);
        return new Result(eligible.size() + alreadyScheduled, skipped);
    }

    /** Spreads the eligible devices over the waves by the plan's percentages (the last wave takes the rest). */
    private static void assignWaves(CampaignStore store, String campaignId, CampaignDefinition def, List<String> eligible,
                                    long alreadyScheduled, Instant now) {
        long total = eligible.size() + alreadyScheduled;
        List<Long> bounds = new ArrayList<>();
        long cumulative = 0;
        int percent = 0;
        for (int w = 0; w < def.waves().size(); w++) {
            percent += def.waves().get(w);
            long bound = w == def.waves().size() - 1 ? total : Math.max(cumulative + (total > 0 ? 1 : 0), Math.round(total * percent / 100.0));
            cumulative = Math.min(bound, total);
            bounds.add(cumulative);
        }
        // the PENDING devices left are exactly the eligible ones, so ranges of device ids (in id order) set state and
        // wave with a few set-based statements instead of one per device
        int next = 0;
        for (int w = 0; w < bounds.size(); w++) {
            int end = (int) Math.min(eligible.size(), Math.max(0, bounds.get(w) - alreadyScheduled));
            if (w == bounds.size() - 1) {
                end = eligible.size();
            }
            for (int from = next; from < end; from += RANGE) {
                int to = Math.min(end, from + RANGE);
                store.schedule(campaignId, w + 1, from == 0 ? "" : eligible.get(from - 1), eligible.get(to - 1), now);
            }
            next = Math.max(next, end);
        }
    }

    private static String pathwayProblem(CampaignDefinition def, String fromVersion) {
        if (def.upgradeFrom().isEmpty() || def.upgradeFrom().contains(fromVersion)) {
            return null;
        }
        return "UPGRADE-PATHWAY: the image may upgrade only from " + def.upgradeFrom().stream().sorted().toList()
                + "; the SMI holds version " + fromVersion + " (MP231 firmware upgrade pathway)";
    }

    private record Candidate(ServiceRequestFact fact, String fromVersion) {
    }

    /** The violations as one line; an access refusal (ACCESS-*) alone, as a Service Request would say it. */
    private static String reason(List<RuleFinding> violations) {
        List<RuleFinding> shown = violations.stream().filter(v -> v.ruleId().startsWith("ACCESS-")).findFirst()
                .map(List::of).orElse(violations);
        return shown.stream().map(v -> v.ruleId() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    private static java.util.stream.Stream<Candidate> candidates(Handle h, CampaignStore.CampaignRow c) {
        return h.createQuery("""
                        SELECT cd.device_id, d.device_type, d.alt_han_variant, d.tcso_reclassified, d.model, d.comms_hub_id,
                               p.mpan, p.mprn, p.import_supplier, p.gas_supplier, cd.from_version, p.export_mpan, p.export_supplier
                          FROM campaign_device cd JOIN device d ON d.device_id = cd.device_id
                          LEFT JOIN premises p ON p.premises_id = d.premises_id
                         WHERE cd.campaign_id = :c AND cd.state = 'PENDING'""")
                .bind("c", c.campaignId()).setFetchSize(PAGE)
                .map((rs, ctx) -> {
                    ServiceRequestFact f = new ServiceRequestFact();
                    f.setSrv("11.4");
                    f.setRole(c.createdRole());
                    f.setUserParty(c.createdParty());
                    f.setDeviceId(rs.getString(1));
                    f.setDeviceKnown(true);
                    f.setDeviceType(rs.getString(2));
                    f.setAltHanVariant(rs.getString(3));
                    f.setAltHanDevice(rs.getString(3) != null);
                    f.setTcsoReclassified(rs.getBoolean(4));
                    f.setFirmwareImageGiven(true);
                    f.setImageKnown(true);
                    f.setImageApplicable(c.imageModel().equalsIgnoreCase(String.valueOf(rs.getString(5))));
                    f.setCommsHubId(rs.getString(6));
                    f.setMpan(rs.getString(7));
                    f.setMprn(rs.getString(8));
                    f.setImportSupplier(rs.getString(9));
                    f.setGasSupplier(rs.getString(10));
                    f.setExportMpan(rs.getString(12));
                    f.setExportSupplier(rs.getString(13));
                    f.setType1DevicesOnHub(0);
                    f.setAddsType1Device(false);
                    return new Candidate(f, rs.getString(11));
                }).stream();
    }
}
