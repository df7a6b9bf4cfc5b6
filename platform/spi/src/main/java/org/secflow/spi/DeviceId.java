package org.secflow.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * EUI-64 Device ID as DUIS writes it: eight upper-case hex octets joined by hyphens, e.g.
 * {@code 00-DB-12-34-56-78-90-A0}.
 *
 * @param value the canonical form
 * @throws IllegalArgumentException when the value is not a canonical EUI-64
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
    private static final Pattern CANONICAL = Pattern.compile("([0-9A-F]{2}-){7}[0-9A-F]{2}");
    private static final Pattern LOOSE = Pattern.compile("[0-9A-Fa-f]{16}|([0-9A-Fa-f]{2}[-:]){7}[0-9A-Fa-f]{2}");

    public DeviceId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("Device ID must be an EUI-64 like 00-DB-12-34-56-78-90-A0, got '" + value + "'");
        }
    }

    /**
     * Parses 16 hex digits, optionally grouped in octets by '-' or ':', in either case.
     *
     * @throws IllegalArgumentException when the text is no EUI-64
     */
    public static DeviceId parse(String text) {
        if (text == null || !LOOSE.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("Device ID must be an EUI-64 like 00-DB-12-34-56-78-90-A0, got '" + text + "'");
        }
        String hex = text.trim().replace("-", "").replace(":", "").toUpperCase(Locale.ROOT);
        return of(Long.parseUnsignedLong(hex, 16));
    }

    /** The Device ID of a 64-bit number. */
    public static DeviceId of(long eui64) {
        StringBuilder sb = new StringBuilder(23);
        for (int shift = 56; shift >= 0; shift -= 8) {
            if (sb.length() > 0) {
                sb.append('-');
            }
            int octet = (int) (eui64 >>> shift) & 0xFF;
            sb.append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(octet & 0xF, 16)));
        }
        return new DeviceId(sb.toString());
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
