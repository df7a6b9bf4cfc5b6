package org.secflow.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.EstateRequest;
import org.secflow.spi.FirmwareImage;

/**
 * Helpers for tests that drive a {@link DeviceEmulator}: generating an estate into a list, walking its devices and
 * building the GBCS commands of the PPMID / Alt HAN bridge firmware flow (GBCS PPMID firmware flow).
 */
public final class EstateFixtures {
    /** Import Supplier party ids used by {@link #request(int, long)}. */
    public static final List<String> IMPORT_SUPPLIERS = List.of("SUPPLIER-A", "SUPPLIER-B", "SUPPLIER-C");
    /** Gas Supplier party ids used by {@link #request(int, long)}. */
    public static final List<String> GAS_SUPPLIERS = List.of("GAS-SUPPLIER-X", "GAS-SUPPLIER-Y");
    /** A well-formed SHA-256 for test images (64 lower-case hex digits). */
    public static final String TEST_SHA256 = "5e".repeat(32);

    private EstateFixtures() {
    }

    /** A request for {@code premises} premises from {@code seed} with the test parties. */
    public static EstateRequest request(int premises, long seed) {
        return new EstateRequest(premises, seed, IMPORT_SUPPLIERS, GAS_SUPPLIERS);
    }

    /** Generates an estate and returns its premises in order. */
    public static List<EmulatedPremises> generate(DeviceEmulator emulator, EstateRequest request) {
        List<EmulatedPremises> premises = new ArrayList<>(request.premises());
        emulator.generateEstate(request, premises::add);
        return premises;
    }

    /** Every device of a premises: CHF, GPF (when present) and its HAN devices. */
    public static Stream<EmulatedDevice> devicesOf(EmulatedPremises premises) {
        Stream<EmulatedDevice> hub = premises.commsHub().gpf() == null
                ? Stream.of(premises.commsHub().chf())
                : Stream.of(premises.commsHub().chf(), premises.commsHub().gpf());
        return Stream.concat(hub, premises.devices().stream());
    }

    /** Every device of an estate. */
    public static Stream<EmulatedDevice> devicesOf(List<EmulatedPremises> estate) {
        return estate.stream().flatMap(EstateFixtures::devicesOf);
    }

    /** A device of a premises with the premises, for building commands. */
    public record Located(EmulatedPremises premises, EmulatedDevice device) {
    }

    /** The first HAN device (not CHF/GPF) matching {@code match}, with its premises. */
    public static Optional<Located> find(List<EmulatedPremises> estate, Predicate<EmulatedDevice> match) {
        for (EmulatedPremises p : estate) {
            for (EmulatedDevice d : p.devices()) {
                if (match.test(d)) {
                    return Optional.of(new Located(p, d));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a device can take an OTA firmware image: a PPMID or bridge not re-classified by a TCSO. */
    public static boolean takesPpmidFirmware(EmulatedDevice device) {
        return device.type() == DeviceType.PPMID && !device.tcsoReclassified();
    }

    /** A known image for a device's manufacturer and model, installing {@code version}. */
    public static FirmwareImage imageFor(EmulatedDevice device, String version) {
        return new FirmwareImage(device.manufacturer(), device.model(), version, TEST_SHA256, Set.of(DeviceType.PPMID));
    }

    /** GBCS CS05c: send {@code image} to the located device through its Communications Hub. */
    public static CommsHubCommand cs05c(String commandId, Located target, FirmwareImage image) {
        return command(commandId, "CS05c", target, image);
    }

    /** GBCS CS08: read the located device's firmware version. */
    public static CommsHubCommand cs08(String commandId, Located target) {
        return command(commandId, "CS08", target, null);
    }

    /** A command of any use case to the located device through its Communications Hub. */
    public static CommsHubCommand command(String commandId, String useCase, Located target, FirmwareImage image) {
        return new CommsHubCommand(commandId, useCase, target.premises().commsHub().chf().deviceId(),
                target.device().deviceId(), target.premises().region(), Map.of(), image);
    }
}
