package org.secflow.plugins.emulator;

import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;

/**
 * What a generated Device ID says about its device. An EUI-64 of this emulator is the product's 24-bit prefix
 * ({@code 0A-00-xx}, see {@link ProductCatalogue#PREFIX_BASE}) and a 40-bit counter; the device's initial firmware
 * version and whether a Trust Centre Swap Out re-classified it (bridges only, at {@code tcsoShare}) are drawn from
 * a hash of the ID. So any emulator with the same configuration knows a generated device from its ID alone: one in
 * another JVM (e.g. serving commands for an estate that {@code secflow estate generate} wrote) emulates it faithfully
 * on first contact.
 */
final class DeviceIdentity {
    private static final long COUNTER_MASK = (1L << 40) - 1;
    private static final long TCSO_SALT = 0x5EC0_F10E_7C50_0000L;

    private final ProductCatalogue catalogue;
    private final EmulatorSettings settings;

    DeviceIdentity(ProductCatalogue catalogue, EmulatorSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** The EUI-64 of a product's device with a 40-bit counter (higher bits of {@code counter} are dropped). */
    static long eui64(Product product, long counter) {
        return ((long) product.euiPrefix() << 40) | (counter & COUNTER_MASK);
    }

    /** The product an EUI-64 of this emulator names, or null for a foreign Device ID. */
    Product productOf(long eui64) {
        return catalogue.productOfPrefix((int) (eui64 >>> 40));
    }

    /** The index into the product's firmware versions the device is generated with. */
    int firmwareIndex(long eui64, Product product) {
        return (int) Long.remainderUnsigned(mix(eui64), product.firmwareVersions().size());
    }

    /** Whether the device is an Alt HAN bridge re-classified as an IHD by a Trust Centre Swap Out (MP170 draft Modification Report section 7). */
    boolean tcsoReclassified(long eui64, Product product) {
        return product.variant() != null && unit(mix(eui64 ^ TCSO_SALT)) < settings.tcsoShare();
    }

    /** Whether the device runs on battery: the bridges of the configured {@code batteryPoweredVariant}. */
    boolean batteryPowered(Product product) {
        return product.variant() != null && product.variant() == settings.batteryPoweredVariant();
    }

    /**
     * The device as generated, on the HAN of {@code hubId}.
     *
     * @param generated whether this emulator generated it (else it is met on first contact)
     * @return the device, or null when the ID is not one of this emulator's
     */
    HanDevice describe(long eui64, long hubId, boolean generated) {
        Product p = productOf(eui64);
        if (p == null) {
            return null;
        }
        return new HanDevice(eui64, hubId, p.type(), p.manufacturer(), p.model(), p.variant(), batteryPowered(p),
                tcsoReclassified(eui64, p), p.firmwareVersions().get(firmwareIndex(eui64, p)), generated);
    }

    /**
     * A device with a foreign Device ID met on first contact: a device of {@code type} on {@code hubId} of unknown
     * model (it accepts any image's model) reporting {@code firmwareVersion} until an image is activated.
     */
    static HanDevice foreign(long eui64, long hubId, DeviceType type, String firmwareVersion) {
        return new HanDevice(eui64, hubId, type, null, null, null, false, false, firmwareVersion, false);
    }

    /** SplitMix64 finaliser: a well-spread 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number in [0, 1) from the top 53 bits of a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
    /** A uniform number in [0, 1) fixed by the command id and the device (SplitMix64 finaliser). */
    static double draw(String commandId, long deviceId) {
        return unit(mix(deviceId ^ ((long) commandId.hashCode() << 32) ^ 0x9E3779B97F4A7C15L));
    }

    /** The EUI-64 of a Device ID as a number. */
    static long eui64(DeviceId id) {
        String v = id.value();
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '-') {
                n = (n << 4) | Character.digit(c, 16);
            }
        }
        return n;
    }

}
