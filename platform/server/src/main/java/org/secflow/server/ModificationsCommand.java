package org.secflow.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.secflow.modification.ModificationEvent;
import org.secflow.modification.ModificationTimetable;
import org.secflow.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code secflow modifications replay FILE...}: drives a running platform through the Events API. */
@Command(name = "modifications", mixinStandardHelpOptions = true, description = "SEC modifications (SEC Section D).",
        subcommands = ModificationsCommand.Replay.class)
final class ModificationsCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replays timetable files (examples/modifications/*.json) against a RUNNING secflow over HTTP: "
                    + "POST /api/modifications (with the file's scope and recommendation, if any), then POST /api/modifications/{reference}/events for each event in order. "
                    + "Prints per modification its final stage, target SEC Release and every refused event. "
                    + "Exit 1 when an event is refused or a final stage differs from expectedFinalStage, 2 when a file "
                    + "cannot be read or the server cannot be reached.")
    static final class Replay implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Timetable files (JSON).")
        List<Path> files;

        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Base URL of the running platform. Default: ${DEFAULT-VALUE}")
        String url;

        @Option(names = "--token", defaultValue = "${env:SECFLOW_TOKEN:-demo-secas}",
                description = "Bearer token (default: $SECFLOW_TOKEN, else demo-secas).")
        String token;

        @Override
        public Integer call() {
            return new Replayer(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), url, token, System.out)
                    .replayAll(files);
        }
    }

    /** The HTTP side of {@link Replay}. */
    static final class Replayer {
        private static final ObjectMapper OUT = Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        private final HttpClient http;
        private final String base;
        private final String token;
        private final PrintStream out;

        Replayer(HttpClient http, String base, String token, PrintStream out) {
            this.http = http;
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.token = token;
            this.out = out;
        }

        int replayAll(List<Path> files) {
            int rc = 0;
            for (Path f : files) {
                try {
                    rc = Math.max(rc, replay(ModificationTimetable.read(f)));
                } catch (IllegalArgumentException e) {
                    out.println(f + ": " + e.getMessage());
                    rc = 2;
                } catch (IOException e) {
                    out.println(f + ": cannot reach " + base + ": " + e);
                    return 2;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
            }
            return rc;
        }

        private int replay(ModificationTimetable t) throws IOException, InterruptedException {
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("reference", t.reference());
            create.put("title", t.title());
            create.put("proposer", t.proposer());
            create.put("raisedOn", t.raisedOn());
            if (t.scope() != null) {
                create.put("scope", t.scope());
            }
            if (!t.recommendation().isEmpty()) {
                create.put("recommendation", t.recommendation());
            }
            HttpResponse<String> created = post("/api/modifications", create);
            if (created.statusCode() != 201) {
                out.printf("%s: not created (%d): %s%n", t.reference(), created.statusCode(), detail(created));
                return 1;
            }
            int refused = 0;
            for (int i = 0; i < t.events().size(); i++) {
                ModificationEvent e = t.events().get(i);
                HttpResponse<String> r = post("/api/modifications/" + t.reference() + "/events", e);
                if (r.statusCode() != 200) {
                    refused++;
                    out.printf("%s: event %d %s %s refused (%d): %s%n", t.reference(), i + 1, e.type(), e.date(),
                            r.statusCode(), detail(r));
                }
            }
            JsonNode view = Json.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/modifications/" + t.reference())).GET()).body());
            String stage = view.path("stage").asText();
            String alias = view.path("aliasReference").isNull() || view.path("aliasReference").isMissingNode()
                    ? "" : " (" + view.path("aliasReference").asText() + ")";
            String target = view.path("targetRelease").isNull() || view.path("targetRelease").isMissingNode()
                    ? "none" : view.path("targetRelease").asText();
            boolean expected = t.expectedFinalStage() == null || t.expectedFinalStage().equals(stage);
            out.printf("%s%s: final stage %s%s, target SEC Release %s, %d event(s), %d refused%n", t.reference(), alias, stage,
                    expected ? "" : " (expected " + t.expectedFinalStage() + ")", target, t.events().size(), refused);
            return refused == 0 && expected ? 0 : 1;
        }

        private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString(OUT.writeValueAsString(body)))
                    .header("Content-Type", "application/json"));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            return http.send(b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String detail(HttpResponse<String> r) {
            try {
                JsonNode p = Json.MAPPER.readTree(r.body());
                return p.path("detail").asText(r.body());
            } catch (IOException e) {
                return r.body();
            }
        }
    }
}
