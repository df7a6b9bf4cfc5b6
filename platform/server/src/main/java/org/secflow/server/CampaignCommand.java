package org.secflow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.secflow.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secflow campaign run}: creates a firmware campaign on a running secflow over its HTTP API, optionally
 * approves it with a second person's token, and with {@code --watch} shows a live progress bar per wave (devices
 * in a final state) and ends with a summary table of devices per state. Exit code 0 when the campaign completed,
 * 1 when it was cancelled or is waiting (paused, awaiting approval), 2 on an API error.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true, description = "Firmware campaigns on a running secflow.",
        subcommands = CampaignCommand.Run.class)
final class CampaignCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Creates a firmware campaign (SRV 11.4 to PPMIDs and Alt HAN bridges) and, with --watch, follows it.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "secflow base URL. Default: ${DEFAULT-VALUE}")
        String url;

        @Option(names = "--token", required = true, description = "Bearer token of the Supplier User creating the campaign")
        String token;

        @Option(names = "--approver-token", description = "Bearer token of a second User of the same Supplier, who approves it")
        String approverToken;

        @Option(names = "--name", defaultValue = "campaign from the CLI", description = "Campaign name")
        String name;

        @Option(names = "--image", required = true, paramLabel = "SHA256", description = "SHA-256 of a known firmware image")
        String image;

        @Option(names = "--ppmids", negatable = true, description = "Include plain PPMIDs (default: when no --variants)")
        Boolean ppmids;

        @Option(names = "--variants", split = ",", description = "Alt HAN Device Variants, e.g. B1,B4")
        List<String> variants;

        @Option(names = "--regions", split = ",", description = "Regions: NORTH, CENTRAL, SOUTH")
        List<String> regions;

        @Option(names = "--from-versions", split = ",", description = "Only devices on these firmware versions")
        List<String> firmwareVersions;

        @Option(names = "--devices", split = ",", description = "Explicit Device IDs")
        List<String> devices;

        @Option(names = "--waves", split = ",", defaultValue = "1,10,89", description = "Wave sizes in percent. Default: ${DEFAULT-VALUE}")
        List<Integer> waves;

        @Option(names = "--success-threshold", defaultValue = "95", description = "Percent CONFIRMED per wave to go on. Default: ${DEFAULT-VALUE}")
        int successThreshold;

        @Option(names = "--error-threshold-percent", description = "Percent failed that pauses the campaign")
        Integer errorPercent;

        @Option(names = "--error-threshold-count", description = "Failed devices that pause the campaign")
        Integer errorCount;

        @Option(names = "--watch", description = "Follow the campaign with a progress bar per wave until it stops")
        boolean watch;

        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public Integer call() throws Exception {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("name", name);
            body.put("imageSha256", image);
            ObjectNode selection = body.putObject("selection");
            if (ppmids != null) {
                selection.put("ppmids", ppmids);
            }
            selection.set("altHanVariants", Json.MAPPER.valueToTree(variants));
            selection.set("regions", Json.MAPPER.valueToTree(regions));
            selection.set("firmwareVersions", Json.MAPPER.valueToTree(firmwareVersions));
            selection.set("deviceIds", Json.MAPPER.valueToTree(devices));
            body.set("waves", Json.MAPPER.valueToTree(waves));
            body.put("successThresholdPercent", successThreshold);
            if (errorPercent != null) {
                body.put("errorThresholdPercent", errorPercent);
            }
            if (errorCount != null) {
                body.put("errorThresholdCount", errorCount);
            }
            HttpResponse<String> created = send("POST", "/api/campaigns", token, body.toString());
            if (created.statusCode() != 201) {
                System.err.println("campaign refused (" + created.statusCode() + "): " + created.body());
                return 2;
            }
            JsonNode campaign = Json.MAPPER.readTree(created.body());
            String id = campaign.path("campaignId").asText();
            System.out.printf("campaign %s: %d devices selected%n", id, campaign.path("devices").asLong());
            if (approverToken != null) {
                HttpResponse<String> approved = send("POST", "/api/campaigns/" + id + "/approve", approverToken, null);
                if (approved.statusCode() != 200) {
                    System.err.println("approval refused (" + approved.statusCode() + "): " + approved.body());
                    return 2;
                }
            }
            if (!watch) {
                System.out.println("state: " + campaign.path("state").asText() + "; follow it with GET /api/campaigns/" + id);
                return 0;
            }
            JsonNode last = watch(id);
            printSummary(last);
            return last.path("state").asText().equals("COMPLETED") ? 0 : 1;
        }

        private JsonNode watch(String id) throws Exception {
            Map<String, ProgressBar> bars = new LinkedHashMap<>();
            List<ProgressBar> open = new ArrayList<>();
            JsonNode view;
            try {
                while (true) {
                    long asked = System.nanoTime();
                    view = Json.MAPPER.readTree(send("GET", "/api/campaigns/" + id, token, null).body());
                    long tookMillis = (System.nanoTime() - asked) / 1_000_000;
                    for (var wave : (Iterable<Map.Entry<String, JsonNode>>) view.path("byWave")::fields) {
                        if (wave.getKey().equals("0")) {
                            continue; // not in a wave: skipped before the waves or still pending
                        }
                        long total = 0;
                        long done = 0;
                        for (var s : (Iterable<Map.Entry<String, JsonNode>>) wave.getValue()::fields) {
                            total += s.getValue().asLong();
                            if (!List.of("PENDING", "SCHEDULED", "SENT", "DELIVERED", "ACTIVATED").contains(s.getKey())) {
                                done += s.getValue().asLong();
                            }
                        }
                        long max = total;
                        ProgressBar bar = bars.computeIfAbsent(wave.getKey(), w -> {
                            ProgressBar b = new ProgressBarBuilder().setTaskName("Wave " + w).setInitialMax(max)
                                    .setUnit(" devices", 1).build();
                            open.add(b);
                            return b;
                        });
                        bar.stepTo(done);
                    }
                    String state = view.path("state").asText();
                    boolean waitingForPeople = !view.path("openTasks").isEmpty();
                    if (state.equals("COMPLETED") || state.equals("CANCELLED") || (waitingForPeople && !state.equals("RUNNING"))) {
                        return view;
                    }
                    // the view counts the campaign's devices in the store (a scan of a national campaign takes
                    // seconds): ask again after four times as long as it took, so that watching costs the store at
                    // most a fifth of its time, and at least every half second on small campaigns
                    Thread.sleep(Math.max(500, 4 * tookMillis));
                }
            } finally {
                open.forEach(ProgressBar::close);
            }
        }

        private static void printSummary(JsonNode view) {
            System.out.printf("%nCampaign %s (%s): %s%n", view.path("name").asText(), view.path("campaignId").asText(),
                    view.path("state").asText());
            if (!view.path("pauseReason").isNull() && !view.path("pauseReason").isMissingNode()) {
                System.out.println("paused: " + view.path("pauseReason").asText());
            }
            System.out.printf("%-20s %10s%n", "state", "devices");
            view.path("counts").fields().forEachRemaining(e -> System.out.printf("%-20s %,10d%n", e.getKey(), e.getValue().asLong()));
            System.out.printf("%-20s %,10d%n", "total", view.path("devices").asLong());
        }

        private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
