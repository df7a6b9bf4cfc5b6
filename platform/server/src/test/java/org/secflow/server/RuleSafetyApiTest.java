package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.inventory.EstateLoader;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedCommsHub;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.Region;

/**
 * An analyst's broken rule cannot take the service down: a reload runs every scenario table against the candidate
 * and refuses it when a case fails; a consequence that throws or loops for a request no case covers refuses that
 * decision with 503 naming the rule (counted on {@code GET /api/rules}) while every other request keeps its answer
 * and no thread keeps spinning; {@code POST /api/rules/rollback} returns to the version before. Real HTTP, real
 * rules copied from {@code rules/}.
 */
class RuleSafetyApiTest {
    private static final String ESME = DeviceId.of(0x0A00000000000102L).value();
    private static final String PROBED = DeviceId.of(0x0A00000000000103L).value();

    @TempDir
    Path dir;

    private Path rules;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        rules = TestServer.copyOfRules(dir);
        server = TestServer.start(dir, rules, List.of(
                new SecflowConfig.UserEntry("dno", "90-B3-D5-1F-30-02-00-01", "DNO", "DNO-NORTH", List.of(DccUserRole.ED), List.of()),
                new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST))));
        try (EstateLoader loader = new EstateLoader(server.platform().database().jdbi(), Clock.systemUTC())) {
            loader.accept(new EmulatedPremises("1500000000001", null, Region.NORTH, "SUPPLIER-A", null,
                    new EmulatedCommsHub(new EmulatedDevice(DeviceId.of(0x0A00000000000101L), DeviceType.CHF, null, "M", "CH", "1", false, false), null, "1.1", "2.0"),
                    List.of(new EmulatedDevice(new DeviceId(ESME), DeviceType.ESME, null, "M", "E1", "1.0", false, false))));
            loader.accept(new EmulatedPremises("1500000000002", null, Region.NORTH, "SUPPLIER-A", null,
                    new EmulatedCommsHub(new EmulatedDevice(DeviceId.of(0x0A00000000000201L), DeviceType.CHF, null, "M", "CH", "1", false, false), null, "1.1", "2.0"),
                    List.of(new EmulatedDevice(new DeviceId(PROBED), DeviceType.ESME, null, "M", "E1", "1.0", false, false))));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> readInventory(String deviceId) throws Exception {
        return server.send("POST", "/api/service-requests", "dno", "{\"srv\": \"8.2\", \"deviceId\": \"" + deviceId + "\"}");
    }

    private JsonNode rulesInService() throws Exception {
        return json(server.send("GET", "/api/rules", "analyst", null));
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private void addRule(String name, String when, String then) throws IOException {
        Files.writeString(rules.resolve("probe.drl"), "package org.secflow.rules\n\nimport org.secflow.servicerequest.*\n\n"
                + "rule \"" + name + "\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n");
    }

    private static void assertNamesTheRuleAndLeaksNothing(HttpResponse<String> r, String rule) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(r).path("rule").asText()).isEqualTo(rule);
        assertThat(json(r).path("detail").asText()).contains(rule, "probe.drl");
        assertThat(r.body()).doesNotContain("org.secflow", "java.", "org.drools", "Exception", "\tat ");
    }

    @Test
    void refusesADecisionWhoseRuleThrowsNamingTheRuleAndKeepsAnsweringEveryOtherRequest() throws Exception {
        addRule("PROBE-THROWS", "ServiceRequestFact( deviceId == \"" + PROBED + "\" )", "throw new IllegalStateException(\"probe\");");
        var reloaded = server.send("POST", "/api/rules/reload", "analyst", null);
        assertThat(reloaded.statusCode()).as("no scenario case sends this device: %s", reloaded.body()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertNamesTheRuleAndLeaksNothing(readInventory(PROBED), "PROBE-THROWS");
            assertThat(readInventory(ESME).statusCode()).as("another device keeps its answer").isEqualTo(202);
        }
        JsonNode faults = rulesInService().path("faults");
        assertThat(faults.path("total").asLong()).isEqualTo(3);
        assertThat(faults.path("byRule").path("PROBE-THROWS").asLong()).isEqualTo(3);
        assertThat(faults.path("last").path("file").asText()).isEqualTo("probe.drl");
    }

    @Test
    void haltsADecisionWhoseRuleLoopsWithinTheFiringLimitAndLeavesNoThreadSpinning() throws Exception {
        addRule("PROBE-LOOPS", "$r : ServiceRequestFact( deviceId == \"" + PROBED + "\" )", "update($r);");
        assertThat(server.send("POST", "/api/rules/reload", "analyst", null).statusCode()).isEqualTo(200);

        long started = System.nanoTime();
        assertNamesTheRuleAndLeaksNothing(readInventory(PROBED), "PROBE-LOOPS");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse").isLessThan(30_000); // a loop stopped by the firing limit, not by a client time-out
        assertThat(json(readInventory(PROBED)).path("detail").asText()).containsAnyOf("rules.maxFirings", "rules.decisionBudgetMs");
        assertThat(readInventory(ESME).statusCode()).isEqualTo(202);

        Thread.sleep(200);
        assertThat(threadsEvaluatingRules()).as("threads still in the rule engine after the refusals").isEmpty();
        assertThat(rulesInService().path("faults").path("byRule").path("PROBE-LOOPS").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAReloadWhoseCandidateFailsAScenarioCaseListingTheCases() throws Exception {
        String before = rulesInService().path("version").asText();
        addRule("PROBE-THROWS-ALWAYS", "ServiceRequestFact( srv == \"8.2\" )", "throw new IllegalStateException(\"probe\");");

        var refused = server.send("POST", "/api/rules/reload", "analyst", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = json(refused).path("errors");
        assertThat(errors.size()).isPositive();
        for (JsonNode e : errors) {
            assertThat(e.path("file").asText()).endsWith(".cases.csv");
            assertThat(e.path("line").asInt()).isPositive();
            assertThat(e.path("message").asText()).contains("PROBE-THROWS-ALWAYS");
        }
        assertThat(rulesInService().path("version").asText()).as("the old rules keep serving").isEqualTo(before);
        assertThat(readInventory(ESME).statusCode()).isEqualTo(202);
    }

    @Test
    void rollsBackToTheVersionTheLastReloadReplaced() throws Exception {
        var none = server.send("POST", "/api/rules/rollback", "analyst", null);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(409);
        assertThat(server.send("POST", "/api/rules/rollback", "dno", null).statusCode()).isEqualTo(403);

        String before = rulesInService().path("version").asText();
        addRule("PROBE-THROWS", "ServiceRequestFact( deviceId == \"" + PROBED + "\" )", "throw new IllegalStateException(\"probe\");");
        assertThat(server.send("POST", "/api/rules/reload", "analyst", null).statusCode()).isEqualTo(200);
        assertThat(readInventory(PROBED).statusCode()).isEqualTo(503);
        assertThat(rulesInService().path("previousVersions").get(0).asText()).isEqualTo(before);

        var back = server.send("POST", "/api/rules/rollback", "analyst", null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back).path("version").asText()).isEqualTo(before);
        assertThat(readInventory(PROBED).statusCode()).isEqualTo(202);
    }

    /** Threads now running inside Drools (a looping consequence that was not stopped would be one). */
    private static List<String> threadsEvaluatingRules() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.RUNNABLE)
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.drools")))
                .map(e -> e.getKey().getName()).toList();
    }
}
