package org.secflow.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A command the DSP routes through a CSP to a Communications Hub (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1, Option 1 flow).
 *
 * @param commandId unique id; events for it carry it as correlation id
 * @param gbcsUseCase the GBCS use case, e.g. {@code CS05c} (PPMID firmware) or {@code CS08} (read PPMID firmware version)
 * @param commsHubId Device ID of the Communications Hub Function
 * @param deviceId the target device on that hub's HAN
 * @param region the hub's region (decides the CSP)
 * @param parameters use-case parameters
 * @param firmwareImage the image for a firmware command, else null
 * @param deviceType the target's type in the Smart Metering Inventory, or null when the sender does not say (then a
 *     device emulator meeting a device it did not generate treats it as a PPMID); since SPI 1.2
 */
public record CommsHubCommand(String commandId, String gbcsUseCase, DeviceId commsHubId, DeviceId deviceId,
                              Region region, Map<String, String> parameters, FirmwareImage firmwareImage,
                              DeviceType deviceType) {
    public CommsHubCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(gbcsUseCase, "gbcsUseCase");
        Objects.requireNonNull(commsHubId, "commsHubId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(region, "region");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A command that does not say the target's device type (SPI 1.0). */
    public CommsHubCommand(String commandId, String gbcsUseCase, DeviceId commsHubId, DeviceId deviceId,
                           Region region, Map<String, String> parameters, FirmwareImage firmwareImage) {
        this(commandId, gbcsUseCase, commsHubId, deviceId, region, parameters, firmwareImage, null);
    }
}
