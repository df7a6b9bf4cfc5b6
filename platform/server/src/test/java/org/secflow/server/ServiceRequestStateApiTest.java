package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.server.EmulatedDcc.lastResponse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.DeviceId;

/**
 * Service Requests against emulated devices that remember: a write is what a later read returns, also after the
 * platform (and with it the device emulator) restarted on the same data folder; a command a device cannot carry out
 * fails with its reason. Real HTTP, real plugin jars, real database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRequestStateApiTest {
    @TempDir
    static Path dir;
    private EmulatedDcc dcc;

    @BeforeAll
    void start() throws Exception {
        dcc = new EmulatedDcc(dir, Map.of("latencyMs", "0", "transferTimeMs", "0", "activationTimeMs", "0"));
    }

    @AfterAll
    void stop() {
        dcc.close();
    }

    private List<String> devices(String type) {
        return dcc.platform().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT device_id FROM device WHERE device_type = :type ORDER BY device_id").bind("type", type)
                .mapTo(String.class).list());
    }

    private JsonNode body(JsonNode view) {
        assertThat(view.path("state").asText()).as("%s", view).isEqualTo("COMPLETED");
        return lastResponse(view).path("body");
    }

    @Test
    void aTopUpIsInTheMeterBalanceReadAfterwardsAndAfterARestart() throws Exception {
        String esme = devices("ESME").get(0);
        long before = body(dcc.run("supplier", "4.18", "IS", esme, Map.of())).path("creditPence").asLong();
        JsonNode topUp = dcc.run("supplier", "2.2", "IS", esme, Map.of("amountPence", 2500));
        assertThat(lastResponse(topUp).path("gbcsUseCase").asText()).isEqualTo("CS01a");
        assertThat(lastResponse(topUp).path("responseCode").asText()).isEqualTo("I0");
        JsonNode read = dcc.run("supplier", "4.18", "IS", esme, Map.of());
        assertThat(lastResponse(read).path("gbcsUseCase").asText()).isEqualTo("ECS82");
        assertThat(body(read).path("creditPence").asLong()).isEqualTo(before + 2500);
        dcc.restart();
        assertThat(body(dcc.run("supplier", "4.18", "IS", esme, Map.of())).path("creditPence").asLong())
                .isEqualTo(before + 2500);
        JsonNode refused = dcc.run("supplier", "2.2", "IS", esme, Map.of("amountPence", -1));
        assertThat(refused.path("state").asText()).isEqualTo("FAILED");
        assertThat(lastResponse(refused).path("body").path("reason").asText()).startsWith("INVALID_CREDIT");
        assertThat(lastResponse(refused).path("responseCode").asText()).isEqualTo("E102");
    }

    /**
     * A future-dated SRV waits at the DSP, in memory, for its Execution Date Time; the platform keeps the wait in its
     * store, so a restart before that time hands the request to the DSP again and it runs once, not before its time.
     */
    @Test
    void aFutureDatedTariffUpdateRunsAtItsExecutionDateTimeOnceAlsoWhenThePlatformRestartedMeanwhile() throws Exception {
        String esme = devices("ESME").get(3);
        Instant at = Instant.now().plusSeconds(6).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode accepted = dcc.submit("supplier", "1.1.1", "IS", esme, Map.of("unitRatePence", "31.07",
                "standingChargePence", "52.10", "executionDateTime", at.toString()));
        String id = accepted.path("requestId").asText();
        assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(scheduledRows(id)).isEqualTo(1);

        dcc.restart();

        JsonNode done = dcc.awaitFinal("supplier", id);
        assertThat(done.path("state").asText()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(done.path("responses").size()).as("run once: %s", done).isEqualTo(1);
        assertThat(lastResponse(done).path("gbcsUseCase").asText()).isEqualTo("ECS01a");
        assertThat(Instant.parse(lastResponse(done).path("at").asText())).as("not before its Execution Date Time")
                .isAfterOrEqualTo(at);
        assertThat(scheduledRows(id)).as("the wait ends with the first event").isZero();
        assertTariff(esme, "31.07", "52.10");
    }

    /** SRV 4.11.1 Read Tariff of the meter returns these prices. */
    private void assertTariff(String esme, String unitRatePence, String standingChargePence) throws Exception {
        JsonNode tariff = body(dcc.run("supplier", "4.11.1", "IS", esme, Map.of()));
        assertThat(tariff.path("unitRatePence").asText()).isEqualTo(unitRatePence);
        assertThat(tariff.path("standingChargePence").asText()).isEqualTo(standingChargePence);
    }

    @Test
    void anExecutionDateTimeThatIsNotAnInstantIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        String esme = devices("ESME").get(4);
        long requests = count("SELECT COUNT(*) FROM service_request");
        var r = dcc.send("POST", "/api/service-requests", "supplier", org.secflow.server.http.Json.MAPPER.writeValueAsString(Map.of(
                "srv", "1.1.1", "userRole", "IS", "deviceId", esme, "payload", Map.of("unitRatePence", "20.00",
                        "standingChargePence", "40.00", "executionDateTime", "tomorrow at noon"))));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("payload.executionDateTime").contains("ISO-8601");
        assertThat(count("SELECT COUNT(*) FROM service_request")).isEqualTo(requests);
    }

    private long scheduledRows(String requestId) {
        return dcc.platform().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM service_request_scheduled WHERE request_id = :id").bind("id", requestId)
                .mapTo(Long.class).one());
    }

    private long count(String sql) {
        return dcc.platform().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void anUpdatedTariffIsTheTariffReadAfterwardsAndAfterARestart() throws Exception {
        String esme = devices("ESME").get(1);
        dcc.run("supplier", "1.1.1", "IS", esme, Map.of("unitRatePence", "26.87", "standingChargePence", "49.31"));
        assertThat(body(dcc.run("supplier", "4.11.1", "IS", esme, Map.of())).path("unitRatePence").asText())
                .isEqualTo("26.87");
        dcc.restart();
        assertTariff(esme, "26.87", "49.31");
    }

    @Test
    void aDisabledSupplyReadsDisabledAcrossARestartUntilEnabled() throws Exception {
        String esme = devices("ESME").get(2);
        assertThat(body(dcc.run("supplier", "7.4", "IS", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Enabled");
        dcc.run("supplier", "7.2", "IS", esme, Map.of());
        assertThat(body(dcc.run("supplier", "7.4", "IS", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Disabled");
        dcc.restart();
        assertThat(body(dcc.run("supplier", "7.4", "IS", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Disabled");
        dcc.run("supplier", "7.1", "IS", esme, Map.of());
        assertThat(body(dcc.run("supplier", "7.4", "IS", esme, Map.of())).path("supplyStatus").asText()).isEqualTo("Enabled");
        JsonNode arm = dcc.run("supplier", "7.3", "IS", esme, Map.of());
        assertThat(arm.path("state").asText()).isEqualTo("FAILED");
        assertThat(lastResponse(arm).path("body").path("reason").asText()).startsWith("SUPPLY_STATE");
        assertThat(lastResponse(arm).path("responseCode").asText()).isEqualTo("E104");
    }

    @Test
    void theHanDeviceLogHoldsTheSmiDevicesOfTheHubTakesSixType1DevicesAndRefusesTheSeventhAlsoAfterARestart() throws Exception {
        String chf = devices("CHF").get(0);
        List<String> onHub = dcc.platform().database().jdbi().withHandle(h -> h.createQuery("""
                SELECT device_id || ':' || device_type FROM device
                 WHERE comms_hub_id = :hub AND device_type NOT IN ('CHF', 'GPF') ORDER BY device_id""")
                .bind("hub", chf).mapTo(String.class).list());
        assertThat(onHub).isNotEmpty();
        String log = body(dcc.run("supplier", "8.9", "IS", chf, Map.of())).path("hanDevices").asText();
        assertThat(List.of(log.split(" "))).containsExactlyInAnyOrderElementsOf(onHub);
        long type1 = onHub.stream().filter(e -> org.secflow.spi.DeviceType.valueOf(e.substring(e.indexOf(':') + 1)).isType1()).count();
        assertThat(type1).isLessThan(6);
        for (long i = type1 + 1; i <= 6; i++) {
            JsonNode added = dcc.run("supplier", "8.11", "IS", chf, Map.of("hanDeviceId",
                    DeviceId.of(0x00DB0000000001A0L + i).value(), "hanDeviceType", "HCALCS"));
            assertThat(added.path("state").asText()).as("%s", added).isEqualTo("COMPLETED");
            assertThat(lastResponse(added).path("gbcsUseCase").asText()).isEqualTo("CCS01");
        }
        dcc.restart();
        JsonNode seventh = dcc.run("supplier", "8.11", "IS", chf, Map.of("hanDeviceId", "00-DB-00-00-00-00-01-B0",
                "hanDeviceType", "PPMID"));
        assertThat(seventh.path("state").asText()).isEqualTo("FAILED");
        assertThat(lastResponse(seventh).path("body").path("reason").asText()).startsWith("HAN_DEVICE_LOG_FULL");
        assertThat(lastResponse(seventh).path("responseCode").asText()).isEqualTo("E105");
        JsonNode removed = dcc.run("supplier", "8.11", "IS", chf, Map.of("hanDeviceId",
                DeviceId.of(0x00DB0000000001A6L).value(), "useCase", "CCS02"));
        assertThat(lastResponse(removed).path("gbcsUseCase").asText()).isEqualTo("CCS02");
        assertThat(dcc.run("supplier", "8.11", "IS", chf, Map.of("hanDeviceId", "00-DB-00-00-00-00-01-B0",
                "hanDeviceType", "PPMID")).path("state").asText()).isEqualTo("COMPLETED");
    }
}
