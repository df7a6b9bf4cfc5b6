package org.secflow.plugins.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.testkit.EstateFixtures.find;
import static org.secflow.testkit.EstateFixtures.generate;
import static org.secflow.testkit.EstateFixtures.request;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.testkit.EstateFixtures.Located;
import org.secflow.testkit.FakeProviderContext;
import org.secflow.testkit.RecordingListener;

/** Reads answer what earlier writes set, writes change state, impossible commands fail with a reason; across restarts. */
class DeviceBehaviourTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;
    private FakeProviderContext context;
    private DeviceEmulator emulator;
    private Located esme;
    private int commands;

    @BeforeEach
    void start() {
        emulator = open(Map.of());
        esme = find(generate(emulator, request(30, 3)), d -> d.type() == DeviceType.ESME).orElseThrow();
    }

    @AfterEach
    void stop() {
        emulator.close();
        context.close();
    }

    private DeviceEmulator open(Map<String, String> config) {
        context = new FakeProviderContext(HanEmulatorFactory.ID).withDataDirectory(data).with("latencyMs", "0");
        config.forEach(context::with);
        return new HanEmulatorFactory().create(context);
    }

    private void restart() {
        emulator.close();
        context.close();
        emulator = open(Map.of());
    }

    private DeviceEvent send(String useCase, DeviceId target, DeviceType type, Map<String, String> params) throws Exception {
        RecordingListener listener = new RecordingListener();
        emulator.deliver(new CommsHubCommand("c" + ++commands, useCase, esme.premises().commsHub().chf().deviceId(),
                target, esme.premises().region(), params, null, type), listener);
        return listener.await(e -> e.stage() == Stage.DEVICE_RESPONSE || e.stage() == Stage.FAILED, TIMEOUT);
    }

    private DeviceEvent toEsme(String useCase, Map<String, String> params) throws Exception {
        return send(useCase, esme.device().deviceId(), DeviceType.ESME, params);
    }

    @Test
    void aTopUpRaisesTheBalanceTheMeterReportsAfterARestart() throws Exception {
        long before = Long.parseLong(toEsme("ECS82", Map.of()).data().get("creditPence"));
        DeviceEvent topUp = toEsme("CS01a", Map.of("amountPence", "1500"));
        assertThat(topUp.data()).containsEntry("gbcsUseCase", "CS01a").containsEntry("responseCode", "I0");
        restart();
        assertThat(toEsme("ECS82", Map.of()).data()).containsEntry("creditPence", Long.toString(before + 1500));
        assertThat(toEsme("CS01a", Map.of("amountPence", "-5")).data().get("reason")).startsWith("INVALID_CREDIT");
    }

    @Test
    void aTariffUpdateIsWhatTheTariffReadReturns() throws Exception {
        toEsme("ECS01a", Map.of("unitRatePence", "27.35", "standingChargePence", "53.10"));
        restart();
        assertThat(toEsme("ECS24", Map.of()).data()).containsEntry("unitRatePence", "27.35")
                .containsEntry("standingChargePence", "53.10");
    }

    @Test
    void supplyMovesOnlyAlongTheAllowedStatesAndIsReadBack() throws Exception {
        assertThat(toEsme("ECS45", Map.of()).data()).containsEntry("supplyStatus", "Enabled");
        assertThat(toEsme("ECS44", Map.of()).data().get("reason")).startsWith("SUPPLY_STATE");
        assertThat(toEsme("ECS43", Map.of()).stage()).isEqualTo(Stage.DEVICE_RESPONSE);
        restart();
        assertThat(toEsme("ECS45", Map.of()).data()).containsEntry("supplyStatus", "Disabled");
        assertThat(toEsme("ECS42", Map.of()).data()).containsEntry("supplyStatus", "Enabled");
        assertThat(toEsme("ECS45", Map.of()).data()).containsEntry("supplyStatus", "Enabled");
        assertThat(toEsme("ECS35a", Map.of()).data().get("events")).contains("ECS43").contains("ECS42");
    }

    /** The hub's device log as CCS06 reads it: its entries, {@code <Device ID>:<type>}. */
    private java.util.List<String> hanLog(DeviceId chf) throws Exception {
        String log = send("CCS06", chf, DeviceType.CHF, Map.of()).data().get("hanDevices");
        return log.isBlank() ? java.util.List.of() : java.util.List.of(log.split(" "));
    }

    @Test
    void theHubsDeviceLogStartsWithThePremisesDevicesAfterARestart() throws Exception {
        restart();
        java.util.List<String> expected = esme.premises().devices().stream()
                .map(d -> d.deviceId().value() + ":" + d.type()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(hanLog(esme.premises().commsHub().chf().deviceId())).containsExactlyElementsOf(expected);
    }

    @Test
    void theHubsDeviceLogTakesSixType1DevicesCountingThoseOfThePremisesAndRefusesTheSeventh() throws Exception {
        DeviceId chf = esme.premises().commsHub().chf().deviceId();
        long seeded = esme.premises().devices().stream().filter(d -> d.type().isType1()).count();
        assertThat(seeded).isLessThan(DeviceBehaviour.MAX_TYPE1);
        for (long i = seeded + 1; i <= DeviceBehaviour.MAX_TYPE1; i++) {
            assertThat(send("CCS01", chf, DeviceType.CHF, Map.of("hanDeviceId", DeviceId.of(0x00DB0000000000A0L + i).value(),
                    "hanDeviceType", "HCALCS")).stage()).isEqualTo(Stage.DEVICE_RESPONSE);
        }
        restart();
        DeviceEvent seventh = send("CCS01", chf, DeviceType.CHF, Map.of("hanDeviceId", "00-DB-00-00-00-00-00-B0",
                "hanDeviceType", "PPMID"));
        assertThat(seventh.stage()).isEqualTo(Stage.FAILED);
        assertThat(seventh.data().get("reason")).startsWith("HAN_DEVICE_LOG_FULL");
        assertThat(send("CCS01", chf, DeviceType.CHF, Map.of("hanDeviceId", "00-DB-00-00-00-00-00-B1",
                "hanDeviceType", "IHD")).stage()).isEqualTo(Stage.DEVICE_RESPONSE);
        assertThat(send("CCS02", chf, DeviceType.CHF, Map.of("hanDeviceId", DeviceId.of(0x00DB0000000000A6L).value()))
                .stage()).isEqualTo(Stage.DEVICE_RESPONSE);
        assertThat(send("CCS01", chf, DeviceType.CHF, Map.of("hanDeviceId", "00-DB-00-00-00-00-00-B0",
                "hanDeviceType", "PPMID")).stage()).isEqualTo(Stage.DEVICE_RESPONSE);
    }

    @Test
    void registersAdvanceWithEmulatedTime() throws Exception {
        emulator.close();
        context.close();
        emulator = open(Map.of("timeScale", "100000"));
        long first = Long.parseLong(toEsme("ECS17b", Map.of()).data().get("importRegisterWh"));
        Thread.sleep(200);
        long second = Long.parseLong(toEsme("ECS17b", Map.of()).data().get("importRegisterWh"));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void failsAUseCaseAtItsConfiguredRateAndRefusesAnUnknownUseCaseInTheKey() throws Exception {
        emulator.close();
        context.close();
        emulator = open(Map.of("failureRate.ECS45", "1"));
        assertThat(toEsme("ECS45", Map.of()).data().get("reason")).startsWith("COMMAND_FAILED");
        assertThat(toEsme("ECS24", Map.of()).stage()).isEqualTo(Stage.DEVICE_RESPONSE);
        try (FakeProviderContext bad = new FakeProviderContext(HanEmulatorFactory.ID).with("failureRate.XYZ9", "0.5")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HanEmulatorFactory().create(bad))
                    .hasMessageContaining("failureRate.XYZ9");
        }
    }

    @Test
    void refusesAUseCaseTheDeviceTypeDoesNotTake() throws Exception {
        DeviceEvent e = toEsme("GCS33", Map.of());
        assertThat(e.stage()).isEqualTo(Stage.FAILED);
        assertThat(e.data().get("reason")).contains("applies to a GSME").contains("ESME");
    }

    @Test
    void everyFailureCarriesTheResponseCodeOfItsReasonAndASuccessI0() throws Exception {
        ResponseCodes codes = ResponseCodes.standard();
        DeviceId chf = esme.premises().commsHub().chf().deviceId();
        long balance = Long.parseLong(toEsme("ECS82", Map.of()).data().get("creditPence"));
        Map<String, DeviceEvent> failures = new java.util.LinkedHashMap<>();
        failures.put("INVALID_CREDIT", toEsme("CS01a", Map.of("amountPence", "0")));
        failures.put("INSUFFICIENT_CREDIT", toEsme("ECS04a", Map.of("adjustmentPence", Long.toString(-balance - 1))));
        failures.put("SUPPLY_STATE", toEsme("ECS44", Map.of()));
        failures.put("NO_SUCH_IMAGE", toEsme("CS06", Map.of("firmwareVersion", "99.0.0")));
        failures.put("INVALID_REQUEST", send("CCS01", chf, DeviceType.CHF, Map.of("hanDeviceId", "not an id",
                "hanDeviceType", "IHD")));
        failures.put("NOT_IN_DEVICE_LOG", send("CCS02", chf, DeviceType.CHF, Map.of("hanDeviceId", "00-DB-00-00-00-00-00-E0")));
        failures.put("USE_CASE_NOT_EMULATED", toEsme("XCS99", Map.of()));
        failures.put("WRONG_DEVICE_TYPE", toEsme("GCS33", Map.of()));
        failures.forEach((reason, event) -> {
            assertThat(event.stage()).as(reason).isEqualTo(Stage.FAILED);
            assertThat(event.data().get("reason")).as(reason).startsWith(reason + ": ");
            assertThat(event.data().get(DeviceEvent.RESPONSE_CODE)).as(reason)
                    .isEqualTo(codes.all().get(reason).responseCode()).isNotEqualTo(ResponseCodes.UNLISTED);
        });
        assertThat(toEsme("ECS04a", Map.of("adjustmentPence", Long.toString(-balance))).data())
                .containsEntry("creditPence", "0").containsEntry(DeviceEvent.RESPONSE_CODE, DeviceEvent.SUCCESS);
    }

    @Test
    void theResponseCodeTableGivesEachReasonItsOwnCodeAndHoldsEveryReasonTheEmulatorGives() throws Exception {
        Map<String, ResponseCodes.Code> codes = ResponseCodes.standard().all();
        assertThat(codes.values()).extracting(ResponseCodes.Code::responseCode).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("E1[0-9]{2}"), "a code of the emulator's range E100-E199")
                .doesNotContain(ResponseCodes.UNLISTED);
        assertThat(codes.values()).allSatisfy(c -> assertThat(c.meaning()).isNotBlank());
        // every reason key the emulator's code writes, "KEY: ..." or a constant, is in the table
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"([A-Z][A-Z_]{3,}): ");
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(Path.of("src/main/java/org/secflow/plugins/emulator"))) {
            for (Path f : files.toList()) {
                java.util.regex.Matcher m = key.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        found.addAll(java.util.List.of(HubCommandResponder.COMMAND_FAILED, HubCommandResponder.ACTIVATION_FAILED,
                HubCommandResponder.IMAGE_DISCARDED, HubCommandResponder.HARDWARE_VERSION_MISMATCH,
                HubCommandResponder.BATTERY_LOW, HubCommandResponder.FILE_TRANSFER_FAILURE));
        assertThat(found).hasSizeGreaterThan(10);
        assertThat(codes.keySet()).containsAll(found);
    }
}
