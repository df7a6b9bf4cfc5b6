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
 * an analyst edits one row of a copy of the decision table while the server runs, reloads
 * over HTTP and the next decision follows it; a broken file is refused with file and line and the rules in
 * service keep answering.
 */
class RuleReloadApiTest {
    private static final String ESME = DeviceId.of(0x0A00000000000102L).value();

    @TempDir
    Path dir;

    private Path rules;
    private Platform platform;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        rules = TestServer.copyOfRules(dir);
        server = TestServer.start(dir, rules, List.of(new SecflowConfig.UserEntry("dno", "90-B3-D5-1F-30-02-00-01", "DNO", "DNO-NORTH", List.of(DccUserRole.ED), List.of()),
                        new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST))));
        platform = server.platform();
        try (EstateLoader loader = new EstateLoader(platform.database().jdbi(), Clock.systemUTC())) {
            loader.accept(new EmulatedPremises("1500000000015", null, Region.NORTH, "SUPPLIER-A", null,
                    new EmulatedCommsHub(new EmulatedDevice(DeviceId.of(0x0A00000000000101L), DeviceType.CHF, null, "M", "CH", "1", false, false), null, "1.1", "2.0"),
                    List.of(new EmulatedDevice(new DeviceId(ESME), DeviceType.ESME, null, "M", "E1", "1.0", false, false))));
        }
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

    private HttpResponse<String> readInventory() throws Exception {
        return send("POST", "/api/service-requests", "dno", "{\"srv\": \"8.2\", \"deviceId\": \"" + ESME + "\"}");
    }

    @Test
    void followsAnEditedDecisionTableRowAfterReloadAndKeepsServingWhenAFileIsBroken() throws Exception {
        assertThat(readInventory().statusCode()).as("ED may read inventory (DUIS matrix row of 8.2)").isEqualTo(202);
        String before = json(send("GET", "/api/rules", "analyst", null)).path("version").asText();

        Path table = rules.resolve("srv-applicability.drl.csv");
        String row = Files.readAllLines(table).stream().filter(l -> l.startsWith("\"SRV 8.2 ")).findFirst().orElseThrow();
        Files.writeString(table, Files.readString(table).replace(row, row.replace("\"IS ES GS RSA ED GT OU\"", "\"IS ES GS RSA GT OU\"")));

        var reloaded = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        String after = json(reloaded).path("version").asText();
        assertThat(after).isNotEqualTo(before);

        var rejected = readInventory();
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(json(rejected).path("violations").findValuesAsText("ruleId")).containsExactly("SRV-ROLE");
        assertThat(json(rejected).path("ruleSetVersion").asText()).isEqualTo(after);

        Files.writeString(rules.resolve("alt-han.drl"), Files.readString(rules.resolve("alt-han.drl"))
                + "\nrule \"BROKEN\"\nwhen\n    ServiceRequestFact( srv === )\nthen\nend\n");
        var refused = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = json(refused).path("errors").path(0);
        assertThat(error.path("file").asText()).isEqualTo("alt-han.drl");
        assertThat(error.path("line").asInt()).isPositive();

        var rules = json(send("GET", "/api/rules", "analyst", null));
        assertThat(rules.path("version").asText()).isEqualTo(after);
        assertThat(rules.path("lastRefused").path("errors").path(0).path("file").asText()).isEqualTo("alt-han.drl");
        var still = readInventory();
        assertThat(json(still).path("ruleSetVersion").asText()).as("old rules keep answering").isEqualTo(after);
        assertThat(json(still).path("violations").findValuesAsText("ruleId")).containsExactly("SRV-ROLE");
    }

    @Test
    void refusesAReloadFromAUserWithoutTheAnalystRole() throws Exception {
        assertThat(send("POST", "/api/rules/reload", "dno", null).statusCode()).isEqualTo(403);
    }
}
