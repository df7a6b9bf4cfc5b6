package org.secflow.plugins.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.testkit.EstateFixtures.devicesOf;
import static org.secflow.testkit.EstateFixtures.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.EstateRequest;
import org.secflow.testkit.FakeProviderContext;

/** Estate details specific to this emulator: configured shares, battery variant, party independence, HAN memory. */
class EstateGeneratorTest {
    private final FakeProviderContext context = new FakeProviderContext(HanEmulatorFactory.ID);

    @AfterEach
    void close() {
        context.close();
    }

    private DeviceEmulator emulator(Map<String, String> config) {
        config.forEach(context::with);
        return new HanEmulatorFactory().create(context);
    }

    @Test
    void makesOnlyBridgesOfTheConfiguredVariantBatteryPowered() {
        List<EmulatedPremises> estate = generate(emulator(Map.of("altHanShare", "0.5", "batteryPoweredVariant", "B3")),
                new EstateRequest(400, 1, List.of("S"), List.of("G")));
        List<EmulatedDevice> battery = devicesOf(estate).filter(EmulatedDevice::batteryPowered).toList();
        assertThat(battery).isNotEmpty()
                .allSatisfy(d -> assertThat(d.altHanDeviceVariant()).isEqualTo(AltHanDeviceVariant.B3));
        assertThat(devicesOf(estate).filter(d -> d.altHanDeviceVariant() == AltHanDeviceVariant.B3))
                .allSatisfy(d -> assertThat(d.batteryPowered()).isTrue());
    }

    @Test
    void usesAllFourBridgeVariants() {
        List<EmulatedPremises> estate = generate(emulator(Map.of("altHanShare", "0.5")),
                new EstateRequest(400, 2, List.of("S"), List.of("G")));
        Set<AltHanDeviceVariant> variants = devicesOf(estate).map(EmulatedDevice::altHanDeviceVariant)
                .filter(v -> v != null).collect(Collectors.toSet());
        assertThat(variants).containsExactlyInAnyOrder(AltHanDeviceVariant.values());
    }

    @Test
    void followsTheConfiguredPrepaymentShare() {
        List<EmulatedPremises> estate = generate(emulator(Map.of("prepaymentShare", "0.4", "altHanShare", "0")),
                new EstateRequest(5_000, 3, List.of("S"), List.of("G")));
        long prepayment = estate.stream().filter(p -> p.devices().stream().anyMatch(d -> d.type() == DeviceType.PPMID))
                .count();
        assertThat(prepayment / 5_000.0).isBetween(0.37, 0.43);
    }

    @Test
    void startsEveryMpanWithADistributorIdOfItsRegion() {
        for (EmulatedPremises p : generate(emulator(Map.of()), new EstateRequest(2_000, 6, List.of("S"), List.of("G")))) {
            if (p.mpan() != null) {
                int distributor = Integer.parseInt(p.mpan().substring(0, 2));
                assertThat(ProductCatalogue.STANDARD.distributorIds(p.region())).as("MPAN %s in %s", p.mpan(), p.region())
                        .contains(distributor);
            }
        }
    }

    @Test
    void keepsTheDevicesOfASeedIndependentOfThePartyLists() {
        DeviceEmulator emulator = emulator(Map.of());
        List<EmulatedPremises> one = generate(emulator, new EstateRequest(300, 4, List.of("A"), List.of("B")));
        List<EmulatedPremises> other = generate(emulator, new EstateRequest(300, 4, List.of("A", "C", "D"), List.of("B", "E")));
        assertThat(devicesOf(other).toList()).isEqualTo(devicesOf(one).toList());
        assertThat(other).extracting(EmulatedPremises::mpan).isEqualTo(one.stream().map(EmulatedPremises::mpan).toList());
    }

    @Test
    void remembersEveryGeneratedDeviceAsItsHanEvenWhenTheSinkStops() {
        HanEmulator emulator = (HanEmulator) emulator(Map.of());
        int[] seen = new int[1];
        try {
            emulator.generateEstate(new EstateRequest(1_000, 5, List.of("S"), List.of("G")), p -> {
                if (++seen[0] == 100) {
                    throw new IllegalStateException("sink full");
                }
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("sink full");
        }
        assertThat(seen[0]).isEqualTo(100);
        assertThat(emulator.han().generatedDevices()).isBetween(100L * 3, 100L * 9);
    }
}
