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
 */
public record CommsHubCommand(String commandId, String gbcsUseCase, DeviceId commsHubId, DeviceId deviceId,
                              Region region, Map<String, String> parameters, FirmwareImage firmwareImage) {
    public CommsHubCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(gbcsUseCase, "gbcsUseCase");
        Objects.requireNonNull(commsHubId, "commsHubId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(region, "region");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
