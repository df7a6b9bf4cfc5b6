package org.secflow.plugins.emulator;

import java.util.HashMap;
import java.util.Map;
import org.secflow.spi.DeviceEvent;

/** The shapes of the emulated devices' answers: DUIS-shaped result bodies and CCS08 transfer response codes. */
final class GbcsResults {
    private GbcsResults() {
    }

    /** A DUIS-shaped result body: the data with the use case and response code. */
    static Map<String, String> result(UseCaseTable.UseCase useCase, String responseCode, Map<String, String> body) {
        Map<String, String> data = new HashMap<>(body);
        data.put(DeviceEvent.GBCS_USE_CASE, useCase.name());
        data.put(DeviceEvent.RESPONSE_CODE, responseCode);
        return data;
    }

    /** The CCS08 response code of a transfer failure: 1 Image Discarded, 2 Hardware Version Mismatch, 3 File Transfer Failure. */
    static String transferResult(String reason) {
        return switch (reason) {
            case HubCommandResponder.HARDWARE_VERSION_MISMATCH -> "2";
            case HubCommandResponder.FILE_TRANSFER_FAILURE -> "3";
            default -> "1";
        };
    }

}
