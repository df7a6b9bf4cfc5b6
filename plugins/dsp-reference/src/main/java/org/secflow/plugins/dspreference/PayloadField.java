package org.secflow.plugins.dspreference;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;

/**
 * One field of an SRV's payload schema, written {@code name:type} (required) or {@code name:type?} (optional) in
 * the {@code payload} column of {@code srv-routes.csv}.
 *
 * @param name parameter name, e.g. {@code amountPence}
 * @param type one of {@code int} (whole number), {@code decimal}, {@code string} (1 to 200 characters),
 *     {@code eui64} (Device ID), {@code devicetype} (a device type of the SMI), {@code srv} (e.g. 4.8.1),
 *     {@code instant} (ISO-8601)
 * @param required whether a request must give it
 */
record PayloadField(String name, String type, boolean required) {

    /** Parses {@code name:type} or {@code name:type?}. */
    static PayloadField parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a payload field is name:type, got '" + text + "'");
        }
        boolean optional = text.endsWith("?");
        String type = text.substring(colon + 1, optional ? text.length() - 1 : text.length());
        if (!java.util.Set.of("int", "decimal", "string", "eui64", "devicetype", "srv", "instant").contains(type)) {
            throw new IllegalArgumentException("unknown payload type '" + type + "' in '" + text + "'");
        }
        return new PayloadField(text.substring(0, colon), type, !optional);
    }

    /** Why {@code value} does not fit this field, or null when it does. */
    String problem(String value) {
        try {
            switch (type) {
                case "int" -> Long.parseLong(value.trim());
                case "decimal" -> new BigDecimal(value.trim());
                case "eui64" -> DeviceId.parse(value);
                case "devicetype" -> DeviceType.valueOf(value.trim().toUpperCase(Locale.ROOT));
                case "instant" -> Instant.parse(value.trim());
                case "srv" -> {
                    if (!value.matches("\\d{1,2}(\\.\\d{1,2}){1,2}")) {
                        return "payload." + name + " must be an SRV like 4.8.1, got '" + value + "'";
                    }
                }
                default -> {
                    if (value.isBlank() || value.length() > 200) {
                        return "payload." + name + " must be 1 to 200 characters";
                    }
                }
            }
            return null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return "payload." + name + " must be of type " + type + ", got '" + value + "'";
        }
    }
}
