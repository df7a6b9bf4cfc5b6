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
import org.secflow.spi.MeterPoints;
import org.secflow.spi.Region;
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
    void followsTheHostsDistributorIdsAndMprnRangesPerRegion() {
        EstateRequest request = new EstateRequest(2_000, 7, List.of("S"), List.of("G"), List.of("X"),
                Map.of(Region.NORTH, List.of("17"), Region.CENTRAL, List.of("11", "14"), Region.SOUTH, List.of("22")),
                Map.of(Region.NORTH, List.of(new EstateRequest.MprnRange(1_000_000_000L, 1_000_000_999L)),
                        Region.CENTRAL, List.of(new EstateRequest.MprnRange(4_000_000_000L, 4_999_999_999L),
                                new EstateRequest.MprnRange(5_000_000_000L, 5_000_000_006L)),
                        Region.SOUTH, List.of(new EstateRequest.MprnRange(8_000_000_000L, 8_999_999_999L))));
        List<EmulatedPremises> estate = generate(emulator(Map.of()), request);
        for (EmulatedPremises p : estate) {
            if (p.mpan() != null) {
                assertThat(request.distributorIds().get(p.region())).as("MPAN %s in %s", p.mpan(), p.region())
                        .contains(p.mpan().substring(0, 2));
                assertThat(MeterPoints.isValidMpan(p.mpan())).isTrue();
            }
            if (p.mprn() != null) {
                long mprn = Long.parseLong(p.mprn());
                assertThat(request.mprnRanges().get(p.region())).as("MPRN %s in %s", p.mprn(), p.region())
                        .anySatisfy(r -> assertThat(mprn).isBetween(r.first(), r.last()));
            }
        }
        // unique as long as a range has room (the 7-MPRN range fills up after seven premises: then it wraps round)
        List<String> mprns = estate.stream().map(EmulatedPremises::mprn).filter(m -> m != null && !m.startsWith("50000000")).toList();
        assertThat(mprns).doesNotHaveDuplicates();
    }

    @Test
    void givesAShareOfElectricityPremisesAnExportMpanAndExportSupplier() {
        EstateRequest request = new EstateRequest(5_000, 8, List.of("S"), List.of("G"), List.of("EXPORT-1", "EXPORT-2"),
                Map.of(), Map.of());
        List<EmulatedPremises> estate = generate(emulator(Map.of()), request);
        List<EmulatedPremises> exporting = estate.stream().filter(p -> p.exportMpan() != null).toList();
        long electricity = estate.stream().filter(p -> p.mpan() != null).count();
        assertThat(exporting.size() / (double) electricity).isBetween(EstateGenerator.EXPORT_SHARE - 0.02, EstateGenerator.EXPORT_SHARE + 0.02);
        assertThat(exporting).allSatisfy(p -> {
            assertThat(MeterPoints.isValidMpan(p.exportMpan())).as(p.exportMpan()).isTrue();
            assertThat(p.exportMpan()).isNotEqualTo(p.mpan()).startsWith(p.mpan().substring(0, 2));
            assertThat(p.exportSupplier()).isIn("EXPORT-1", "EXPORT-2");
        });
        List<String> all = new java.util.ArrayList<>(estate.stream().map(EmulatedPremises::mpan).filter(m -> m != null).toList());
        exporting.forEach(p -> all.add(p.exportMpan()));
        assertThat(all).doesNotHaveDuplicates();
        assertThat(generate(emulator(Map.of()), new EstateRequest(500, 8, List.of("S"), List.of("G"))))
                .filteredOn(p -> p.exportMpan() != null).isNotEmpty()
                .allSatisfy(p -> assertThat(p.exportSupplier()).as("no Export Supplier configured").isNull());
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

    @Test
    void givesElectricityPremisesAnApcAtApcShareWithoutChangingTheOtherDevicesOfTheSeed() {
        var with = org.secflow.testkit.EstateFixtures.generate(emulator(Map.of("apcShare", "1")),
                org.secflow.testkit.EstateFixtures.request(40, 11));
        var without = org.secflow.testkit.EstateFixtures.generate(emulator(Map.of("apcShare", "0")),
                org.secflow.testkit.EstateFixtures.request(40, 11));
        for (int i = 0; i < with.size(); i++) {
            var p = with.get(i);
            assertThat(p.devices().stream().anyMatch(d -> d.type() == org.secflow.spi.DeviceType.APC))
                    .isEqualTo(p.mpan() != null && p.devices().stream().filter(d -> d.type().isType1()).count() <= 6);
            assertThat(p.devices().stream().filter(d -> d.type() != org.secflow.spi.DeviceType.APC).toList())
                    .isEqualTo(without.get(i).devices());
        }
    }
}
