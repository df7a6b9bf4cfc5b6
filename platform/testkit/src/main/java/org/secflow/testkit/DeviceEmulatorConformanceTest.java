package org.secflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.secflow.testkit.EstateFixtures.devicesOf;
import static org.secflow.testkit.EstateFixtures.find;
import static org.secflow.testkit.EstateFixtures.generate;
import static org.secflow.testkit.EstateFixtures.imageFor;
import static org.secflow.testkit.EstateFixtures.request;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.MeterPoints;
import org.secflow.spi.Region;
import org.secflow.testkit.EstateFixtures.Located;

/**
 * Conformance suite every {@link DeviceEmulatorFactory} passes: estate shape (seed 001 sections 3.1 and 4.1.1,
 * DOMAIN.md section 2) and the PPMID / Alt HAN bridge firmware flow (GBCS CS05c, CS08; DOMAIN.md section 3).
 *
 * <p>Extend it and implement {@link #factory()}. {@link #config()} may tune the emulator but must keep firmware
 * transfers reliable ({@code transferFailureRate} 0 or its equivalent) and Alt HAN solutions present in a 2,000
 * premises estate. A test that needs a kind of device the estate lacks is skipped, not failed.
 */
public abstract class DeviceEmulatorConformanceTest {
    /** How long a test waits for an asynchronous event. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FakeProviderContext context;
    private DeviceEmulator emulator;

    /** The factory under test. */
    protected abstract DeviceEmulatorFactory factory();

    /** Configuration for the emulator under test; empty (the defaults) unless overridden. */
    protected Map<String, String> config() {
        return Map.of();
    }

    /** The emulator created for the current test. */
    protected final DeviceEmulator emulator() {
        return emulator;
    }

    /** A new emulator from the factory with {@link #config()}, closed with the test's context. */
    protected final DeviceEmulator newEmulator() throws Exception {
        return factory().create(context);
    }

    @BeforeEach
    void createEmulator() throws Exception {
        context = new FakeProviderContext(factory().id());
        config().forEach(context::with);
        emulator = factory().create(context);
    }

    @AfterEach
    void closeEmulator() {
        emulator.close();
        context.close();
    }

    @Test
    void generatesTheSameEstateFromTheSameSeed() throws Exception {
        List<EmulatedPremises> first = generate(emulator, request(500, 42));
        List<EmulatedPremises> again = generate(newEmulator(), request(500, 42));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void generatesADifferentEstateFromADifferentSeed() {
        List<EmulatedPremises> one = generate(emulator, request(500, 42));
        List<EmulatedPremises> other = generate(emulator, request(500, 43));
        assertThat(other).isNotEqualTo(one);
        assertThat(devicesOf(other).map(EmulatedDevice::deviceId).collect(Collectors.toSet()))
                .doesNotContainAnyElementsOf(devicesOf(one).map(EmulatedDevice::deviceId).toList());
    }

    @Test
    void givesEveryDeviceOfTheEstateAUniqueDeviceId() {
        List<EmulatedPremises> estate = generate(emulator, request(5_000, 7));
        List<?> ids = devicesOf(estate).map(EmulatedDevice::deviceId).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void givesElectricityPremisesAValidMpanAndGasPremisesAValidMprn() {
        for (EmulatedPremises p : generate(emulator, request(2_000, 11))) {
            boolean esme = p.devices().stream().anyMatch(d -> d.type() == DeviceType.ESME);
            boolean gsme = p.devices().stream().anyMatch(d -> d.type() == DeviceType.GSME);
            assertThat(p.mpan() != null).as("MPAN iff ESME at %s", p.commsHub().chf().deviceId()).isEqualTo(esme);
            assertThat(p.mprn() != null).as("MPRN iff GSME at %s", p.commsHub().chf().deviceId()).isEqualTo(gsme);
            if (esme) {
                assertThat(MeterPoints.isValidMpan(p.mpan())).as("MPAN %s", p.mpan()).isTrue();
            }
            if (gsme) {
                assertThat(MeterPoints.isValidMprn(p.mprn())).as("MPRN %s", p.mprn()).isTrue();
            }
        }
    }

    @Test
    void makesDualFuelTheMostCommonPremises() {
        List<EmulatedPremises> estate = generate(emulator, request(2_000, 12));
        long dual = estate.stream().filter(p -> p.mpan() != null && p.mprn() != null).count();
        assertThat(dual).isGreaterThan(estate.size() / 2);
    }

    @Test
    void givesEveryPremisesACommunicationsHubWithItsVersions() {
        for (EmulatedPremises p : generate(emulator, request(1_000, 13))) {
            assertThat(p.commsHub().gpf()).isNotNull();
            assertThat(p.commsHub().chtsVersion()).isNotBlank();
            assertThat(p.commsHub().gbcsVersion()).isNotBlank();
        }
    }

    @Test
    void keepsAtMostSixType1DevicesOnEveryCommunicationsHub() {
        for (EmulatedPremises p : generate(emulator, request(20_000, 17))) {
            assertThat(p.devices().stream().filter(d -> d.type().isType1()).count())
                    .as("Type 1 devices on hub %s", p.commsHub().chf().deviceId()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void joinsAltHanBridgesAsPpmidsWithAVariantTwoOrThreeToAPremises() {
        List<EmulatedPremises> estate = generate(emulator, request(2_000, 19));
        List<EmulatedPremises> altHan = estate.stream()
                .filter(p -> p.devices().stream().anyMatch(EmulatedDevice::isAltHanBridge)).toList();
        assertThat(altHan).isNotEmpty();
        for (EmulatedPremises p : altHan) {
            List<EmulatedDevice> bridges = p.devices().stream().filter(EmulatedDevice::isAltHanBridge).toList();
            assertThat(bridges).hasSizeBetween(2, 3);
            assertThat(bridges).allSatisfy(b -> assertThat(b.type()).isEqualTo(DeviceType.PPMID));
        }
        assertThat(devicesOf(estate).filter(EmulatedDevice::batteryPowered))
                .allSatisfy(d -> assertThat(d.isAltHanBridge()).isTrue());
    }

    @Test
    void spreadsPremisesOverAllThreeRegionsInPlausibleProportion() {
        List<EmulatedPremises> estate = generate(emulator, request(2_000, 23));
        Map<Region, Long> byRegion = new EnumMap<>(estate.stream()
                .collect(Collectors.groupingBy(EmulatedPremises::region, Collectors.counting())));
        assertThat(byRegion).containsOnlyKeys(Region.values());
        byRegion.forEach((region, count) ->
                assertThat(count / 2_000.0).as("share of %s", region).isBetween(0.15, 0.50));
    }

    @Test
    void registersOnlyPartiesFromTheRequestAndAllOfThem() {
        List<EmulatedPremises> estate = generate(emulator, request(2_000, 29));
        Set<String> importSuppliers = estate.stream().map(EmulatedPremises::importSupplier)
                .filter(s -> s != null).collect(Collectors.toSet());
        Set<String> gasSuppliers = estate.stream().map(EmulatedPremises::gasSupplier)
                .filter(s -> s != null).collect(Collectors.toSet());
        assertThat(importSuppliers).containsExactlyInAnyOrderElementsOf(EstateFixtures.IMPORT_SUPPLIERS);
        assertThat(gasSuppliers).containsExactlyInAnyOrderElementsOf(EstateFixtures.GAS_SUPPLIERS);
        assertThat(estate).allSatisfy(p -> {
            assertThat(p.importSupplier() != null).isEqualTo(p.mpan() != null);
            assertThat(p.gasSupplier() != null).isEqualTo(p.mprn() != null);
        });
    }

    @Test
    void updatesAnAltHanBridgeFirmwareAndReadsTheNewVersionBack() throws Exception {
        updatesFirmwareAndReadsItBack(d -> d.isAltHanBridge() && EstateFixtures.takesPpmidFirmware(d));
    }

    @Test
    void updatesAPpmidFirmwareAndReadsTheNewVersionBack() throws Exception {
        updatesFirmwareAndReadsItBack(d -> !d.isAltHanBridge() && EstateFixtures.takesPpmidFirmware(d));
    }

    @Test
    void refusesAnImageForAnotherModelWithHardwareVersionMismatch() throws Exception {
        Located target = target(EstateFixtures::takesPpmidFirmware);
        FirmwareImage image = imageFor(target.device(), "9.9.9");
        FirmwareImage otherModel = new FirmwareImage(image.manufacturer(), target.device().model() + "-OTHER",
                image.version(), image.sha256(), image.applicableDeviceTypes());
        RecordingListener listener = new RecordingListener();
        emulator.deliver(EstateFixtures.cs05c("cmd-mismatch", target, otherModel), listener);
        DeviceEvent failure = listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE, TIMEOUT);
        assertThat(failure.data()).containsEntry("reason", "HARDWARE_VERSION_MISMATCH");
        assertThat(failure.alert().hex()).isEqualTo("0x8F89");
        assertThat(listener.events()).noneMatch(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION);
    }

    @Test
    void makesATcsoReclassifiedBridgeDiscardTheImage() throws Exception {
        List<EmulatedPremises> estate = generate(emulator, request(20_000, 37));
        Located bridge = find(estate, d -> d.isAltHanBridge() && d.tcsoReclassified()).orElse(null);
        Assumptions.assumeTrue(bridge != null, "no TCSO re-classified bridge in a 20,000 premises estate");
        RecordingListener listener = new RecordingListener();
        emulator.deliver(EstateFixtures.cs05c("cmd-tcso", bridge, imageFor(bridge.device(), "9.9.9")), listener);
        DeviceEvent failure = listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_TRANSFER_FAILURE, TIMEOUT);
        assertThat(failure.data()).containsEntry("reason", "IMAGE_DISCARDED");
    }

    @Test
    void failsAnUnknownUseCaseWithAReason() throws Exception {
        Located target = target(EstateFixtures::takesPpmidFirmware);
        RecordingListener listener = new RecordingListener();
        emulator.deliver(EstateFixtures.command("cmd-unknown", "CS99z", target, null), listener);
        DeviceEvent failed = listener.await(Stage.FAILED, TIMEOUT);
        assertThat(failed.data().get("reason")).isNotBlank();
        assertThat(failed.correlationId()).isEqualTo("cmd-unknown");
    }

    @Test
    void answersOnTheHostSchedulerNotOnTheCallersThread() throws Exception {
        Located target = target(EstateFixtures::takesPpmidFirmware);
        RecordingListener recording = new RecordingListener();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        emulator.deliver(EstateFixtures.cs08("cmd-thread", target), event -> {
            threads.add(Thread.currentThread());
            recording.onEvent(event);
        });
        recording.await(Stage.DEVICE_RESPONSE, TIMEOUT);
        assertThat(threads).isNotEmpty().doesNotContain(Thread.currentThread());
    }

    private void updatesFirmwareAndReadsItBack(Predicate<EmulatedDevice> kind) throws Exception {
        Located target = target(kind);
        String version = "9.9." + Math.abs(target.device().deviceId().hashCode() % 100);
        RecordingListener update = new RecordingListener();
        emulator.deliver(EstateFixtures.cs05c("cmd-update", target, imageFor(target.device(), version)), update);
        DeviceEvent activation = update.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(activation.data()).containsEntry("firmwareVersion", version).containsEntry("result", "0");
        assertThat(activation.alert().hex()).isEqualTo("0x8F8B");
        assertThat(update.events()).extracting(DeviceEvent::stage, DeviceEvent::alert).containsExactly(
                tuple(Stage.DELIVERED_TO_HUB, null),
                tuple(Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_TRANSFER_SUCCESS),
                tuple(Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION));
        assertThat(update.events()).allSatisfy(e -> {
            assertThat(e.correlationId()).isEqualTo("cmd-update");
            assertThat(e.deviceId()).isEqualTo(target.device().deviceId());
        });

        RecordingListener read = new RecordingListener();
        emulator.deliver(EstateFixtures.cs08("cmd-read", target), read);
        DeviceEvent response = read.await(Stage.DEVICE_RESPONSE, TIMEOUT);
        assertThat(response.data()).containsEntry("firmwareVersion", version);
    }

    private Located target(Predicate<EmulatedDevice> kind) {
        List<EmulatedPremises> estate = generate(emulator, request(2_000, 31));
        Located target = find(estate, kind).orElse(null);
        Assumptions.assumeTrue(target != null, "no such device in a 2,000 premises estate");
        return target;
    }
}
