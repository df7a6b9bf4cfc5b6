package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;

/**
 * Planned Maintenance schedules over real HTTP: validate (several violations reported together), store
 * (allowed / refused), list windows, 400 naming the field, and an analyst edits a limit in a copy of
 * rules/maintenance.drl, reloads, and the same schedule validates differently without a restart.
 */
class MaintenanceApiTest {
    @TempDir
    Path dir;

    private Path rules;
    private Platform platform;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        rules = TestServer.copyOfRules(dir);
        server = TestServer.start(dir, rules, List.of(new SecflowConfig.UserEntry("supplier", "supplier", "Supplier", "SUP-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("operator", "operator", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
                        new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST))));
        platform = server.platform();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, path, token, body);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private static String window(String id, String start, String end, String impact, String disrupts) {
        return "{\"id\": \"" + id + "\", \"start\": \"" + start + "\", \"end\": \"" + end + "\""
                + (impact == null ? "" : ", \"impact\": \"" + impact + "\"")
                + ", \"disrupts\": [" + (disrupts.isEmpty() ? "" : "\"" + String.join("\", \"", disrupts.split(" ")) + "\"") + "]"
                + ", \"consumerAffecting\": false, \"description\": \"maintenance " + id + "\"}";
    }

    private static String schedule(String month, String publishedOn, String... windows) {
        return "{\"month\": \"" + month + "\", \"publishedOn\": \"" + publishedOn + "\", \"windows\": [" + String.join(", ", windows) + "]}";
    }

    /** Seven one-hour Low Impact windows in March 2027: one more than H8.3(d) allows. */
    private static String sevenLowImpactWindows() {
        List<String> windows = new ArrayList<>();
        for (int day = 2; day <= 8; day++) {
            windows.add(window("L" + day, "2027-03-0" + day + "T22:00", "2027-03-0" + day + "T23:00", "LOW", "SELF_SERVICE_INTERFACE"));
        }
        return schedule("2027-03", "2027-01-15", windows.toArray(String[]::new));
    }

    @Test
    void validateReportsEveryViolationTogetherWithClassificationsAndTheRuleSetVersion() throws Exception {
        String body = schedule("2027-03", "2027-02-15",
                window("H1", "2027-03-06T22:00", "2027-03-07T00:00", "HIGH", "END_TO_END_COMMUNICATIONS"),
                window("H2", "2027-03-13T22:00", "2027-03-14T00:00", null, "INSTALL_AND_COMMISSION"),
                window("H3", "2027-03-20T22:00", "2027-03-21T00:00", null, "SMETS1_MIGRATIONS OTHER_SERVICES"),
                window("L1", "2027-03-09T22:00", "2027-03-10T04:01", null, "SELF_SERVICE_INTERFACE"),
                window("L2", "2027-03-11T02:01", "2027-03-11T08:01", "HIGH", "OTHER_SERVICES"));

        var r = send("POST", "/api/maintenance/schedules/validate", "supplier", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = json(r);
        assertThat(v.path("violations").findValuesAsText("ruleId")).containsExactlyInAnyOrder(
                "PM-HIGH-WINDOWS", "PM-LOW-DURATION", "PM-WINDOW-HOURS", "PM-IMPACT-MISMATCH", "PM-LEAD-MONTHLY");
        assertThat(v.path("violations").findValuesAsText("source")).allMatch(s -> s.contains("SEC Panel paper, December 2020"));
        assertThat(v.path("valid").asBoolean()).isFalse();
        assertThat(v.path("windows").findValuesAsText("id")).containsExactly("H1", "L1", "L2", "H2", "H3");
        assertThat(v.path("windows").findValuesAsText("classification")).containsExactly("HIGH", "LOW", "LOW", "HIGH", "HIGH");
        assertThat(v.path("workingDaysBeforeMonth").asInt()).isEqualTo(10);
        assertThat(v.path("ruleSetVersion").asText()).isEqualTo(json(send("GET", "/api/rules", "supplier", null)).path("version").asText());
        assertThat(v.path("warnings").isArray()).isTrue();
    }

    @Test
    void storesAScheduleWithoutViolationsAndListsItsWindows() throws Exception {
        String march = schedule("2027-03", "2027-01-15",
                window("H1", "2027-03-06T22:00", "2027-03-07T01:00", null, "END_TO_END_COMMUNICATIONS"),
                window("L1", "2027-03-31T23:00", "2027-04-01T02:00", null, "SELF_SERVICE_INTERFACE"));

        assertThat(send("POST", "/api/maintenance/schedules", "supplier", march).statusCode()).as("no operator role").isEqualTo(403);
        var stored = send("POST", "/api/maintenance/schedules", "operator", march);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(stored).path("scheduleId").asText()).isNotBlank();
        assertThat(json(stored).path("validation").path("windows").findValuesAsText("startMonth")).containsExactly("2027-03", "2027-03");

        var all = json(send("GET", "/api/maintenance/windows?from=2027-03-01&to=2027-04-01", "supplier", null));
        assertThat(all.findValuesAsText("id")).containsExactly("H1", "L1");
        assertThat(all.path(0).path("impact").asText()).isEqualTo("HIGH");
        assertThat(all.path(0).path("start").asText()).startsWith("2027-03-06T22:00");
        var april = json(send("GET", "/api/maintenance/windows?from=2027-04-01T01:00&to=2027-05-01", "supplier", null));
        assertThat(april.findValuesAsText("id")).as("a window crossing into April is open in April").containsExactly("L1");
        assertThat(json(send("GET", "/api/maintenance/windows?from=2027-04-02", "supplier", null))).isEmpty();
    }

    @Test
    void refusesToStoreAScheduleWithViolationsAndStoresNothing() throws Exception {
        var refused = send("POST", "/api/maintenance/schedules", "operator", sevenLowImpactWindows());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(refused).path("violations").findValuesAsText("ruleId")).containsExactly("PM-LOW-WINDOWS");
        assertThat(json(refused).path("violations").path(0).path("message").asText()).contains("L8");
        assertThat(json(send("GET", "/api/maintenance/windows", "operator", null))).isEmpty();
    }

    @Test
    void answers400NamingTheFieldForInputItCannotRead() throws Exception {
        String ok = window("W1", "2027-03-02T22:00", "2027-03-02T23:00", null, "OTHER_SERVICES");
        assertBadRequest(schedule("2027-03", "2027-01-15", window("W1", "2027-03-02T23:00", "2027-03-02T22:00", null, "")), "windows[0].end");
        assertBadRequest(schedule("2027-03", "2027-01-15", ok, window("W2", "2027-03-02T22:30", "2027-03-03T01:00", null, "")), "windows[1].start");
        assertBadRequest(schedule("2027-03", "2027-01-15", window("W1", "2027-03-02T22:00", "2027-03-02T23:00", "MEDIUM", "")), "windows[0].impact");
        assertBadRequest(schedule("2027-03", "2027-01-15", window("W1", "2027-03-02T22:00", "2027-03-02T23:00", null, "OTHER_SERVICES COFFEE")), "windows[0].disrupts[1]");
        assertBadRequest(schedule("2027-03", "2027-01-15", window("W1", "2027-03-02 22:00", "2027-03-02T23:00", null, "")), "windows[0].start");
        assertBadRequest(schedule("2027-13", "2027-01-15", ok), "month");
        assertBadRequest(schedule("2027-03", "15/01/2027", ok), "publishedOn");
        assertBadRequest(schedule("2027-03", "2027-01-15", ok, ok), "windows[1].id");
        assertBadRequest("{\"month\": \"2027-03\", \"publishedOn\": \"2027-01-15\", \"windows\": [], \"colour\": \"red\"}", "colour");
        var badQuery = send("GET", "/api/maintenance/windows?from=yesterday", "supplier", null);
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(json(badQuery).path("field").asText()).isEqualTo("from");
    }

    private void assertBadRequest(String body, String field) throws Exception {
        for (String path : List.of("/api/maintenance/schedules/validate", "/api/maintenance/schedules")) {
            var r = send("POST", path, "operator", body);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(r).path("field").asText()).as(r.body()).isEqualTo(field);
        }
    }

    @Test
    void anAnalystRaisesTheLowImpactLimitInTheRulesFileAndTheSameScheduleValidatesAfterReload() throws Exception {
        var before = json(send("POST", "/api/maintenance/schedules/validate", "supplier", sevenLowImpactWindows()));
        assertThat(before.path("violations").findValuesAsText("ruleId")).containsExactly("PM-LOW-WINDOWS");

        Path drl = rules.resolve("maintenance.drl");
        String text = Files.readString(drl);
        assertThat(text).contains("Number( intValue > 6 )");
        Files.writeString(drl, text.replace("Number( intValue > 6 )", "Number( intValue > 8 )")
                .replace("at most 6 Low Impact windows a month", "at most 8 Low Impact windows a month"));
        // the scenario table still expects the limit of 6: the reload runs it and refuses the change, naming the cases
        var refused = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).path("errors").findValuesAsText("file")).contains("maintenance.cases.csv");
        // a rule change and its cases change together: here the analyst withdraws the table's cases with it
        Files.delete(rules.resolve("maintenance.cases.csv"));
        var reloaded = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

        var after = json(send("POST", "/api/maintenance/schedules/validate", "supplier", sevenLowImpactWindows()));
        assertThat(after.path("violations")).isEmpty();
        assertThat(after.path("valid").asBoolean()).isTrue();
        assertThat(after.path("ruleSetVersion").asText()).isEqualTo(json(reloaded).path("version").asText())
                .isNotEqualTo(before.path("ruleSetVersion").asText());
        assertThat(send("POST", "/api/maintenance/schedules", "operator", sevenLowImpactWindows()).statusCode()).isEqualTo(201);
    }
}
