package org.secflow.servicerequest;

import java.util.List;
import java.util.Map;
import org.secflow.problem.InvalidFieldException;

/** The payload of {@code POST /api/service-requests} as the parameters of the SPI's Service Request. */
final class ServiceRequestPayload {
    private ServiceRequestPayload() {
    }

    /**
     * The payload as the SRV's parameters for the DSP: each field a text (numbers and booleans as written, a list
     * of scalars comma-separated); the DSP checks them against the SRV's schema. A nested object is refused, naming
     * the field. The firmware image's SHA-256 is the host's (it resolves the image) and not passed on.
     */
    static Map<String, String> parameters(Map<String, Object> payload) {
        Map<String, String> out = new java.util.HashMap<>();
        payload.forEach((name, value) -> {
            if (name.equals("firmwareImageSha256") || value == null) {
                return;
            }
            if (value instanceof Map<?, ?>) {
                throw new InvalidFieldException("payload." + name, "payload fields are values or lists of values",
                        "payload." + name + " is an object");
            }
            if (value instanceof List<?> list) {
                if (list.stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
                    throw new InvalidFieldException("payload." + name, "payload fields are values or lists of values",
                            "payload." + name + " holds objects or lists");
                }
                out.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
            } else {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }
}
