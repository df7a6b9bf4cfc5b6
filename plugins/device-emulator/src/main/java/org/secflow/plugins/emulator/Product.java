package org.secflow.plugins.emulator;

import java.util.List;
import java.util.Objects;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;

/**
 * A device product of the emulator's catalogue: one manufacturer's model of one device type.
 *
 * @param index position in the catalogue; the third octet of the product's Device IDs is index + 1
 * @param type the device type the product joins the HAN as (Alt HAN bridges are {@link DeviceType#PPMID}s)
 * @param variant the Alt HAN Device Variant for a bridge product, else null
 * @param manufacturer manufacturer name
 * @param model model name; a firmware image for another model is refused with HARDWARE_VERSION_MISMATCH
 * @param euiPrefix the top 24 bits of the EUI-64 Device IDs of this product (see {@link DeviceIdentity})
 * @param firmwareVersions the versions found in the field, one picked uniformly per device
 */
record Product(int index, DeviceType type, AltHanDeviceVariant variant, String manufacturer, String model,
               int euiPrefix, List<String> firmwareVersions) {
    Product {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        firmwareVersions = List.copyOf(firmwareVersions);
        if (firmwareVersions.isEmpty() || firmwareVersions.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a product has 1 to 127 firmware versions: " + model);
        }
        if (variant != null && type != DeviceType.PPMID) {
            throw new IllegalArgumentException("only a PPMID product is an Alt HAN bridge: " + model);
        }
    }
}
