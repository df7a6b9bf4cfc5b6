package org.secflow.plugins.emulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceType;
import org.secflow.spi.Region;

/**
 * Reference data the estate is drawn from: products, Communications Hub specification versions, regions and MPAN
 * distributor ids. Immutable; one instance is shared by all emulators.
 *
 * <p>Sources and approximations:
 * <ul>
 *   <li>CHTS / GBCS pairs of installed Communications Hubs: CHTS v1.0 with GBCS v1.1 (the Release 1 hubs), CHTS v1.1
 *       with GBCS v2.0 or v2.1, and CHTS v1.3 with GBCS v3.2 (SEC Panel paper, December 2020, MP139 Modification Report
 *       sections 1 and 2). The weights (5, 10, 35, 50) are the emulator's assumption of an estate part-way through the
 *       v3.2 upgrade: judged against the TSAT (rules/tsat.csv) some hubs are inside their Maintenance Validity Period
 *       and some past it or past their GBCS Applicability Period.</li>
 *   <li>Single Band and Dual Band Communications Hubs, three hub providers (SEC Panel paper, December 2020, MP139 section 2).</li>
 *   <li>Regions: North 28 %, Central 36 %, South 36 %. An approximation of the premises split between the DCC
 *       regions (North: Scotland and the north of England); not taken from our sources.</li>
 *   <li>MPAN distributor ids (first two digits of the MPAN core, 10-23 for the fourteen GB distribution areas)
 *       grouped by region as an approximation of the region boundaries.</li>
 *   <li>Manufacturer names are illustrative; model names and firmware versions are placeholders. Device ID
 *       prefixes are locally administered EUI-64 prefixes ({@code 0A-00-xx}, one per product), not registered
 *       OUIs.</li>
 *   <li>Alt HAN bridges: one product per variant B1-B4 (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1).</li>
 * </ul>
 */
final class ProductCatalogue {

    /** A Communications Hub specification baseline: CHTS version and GBCS version. */
    record HubBaseline(String chtsVersion, String gbcsVersion) {
    }

    /**
     * The top 16 bits of every product's 24-bit EUI-64 prefix: {@code 0A-00}, a locally administered prefix. The
     * third octet is the product index + 1, so a Device ID names its product.
     */
    static final int PREFIX_BASE = 0x0A0000;

    /** The catalogue every emulator uses. */
    static final ProductCatalogue STANDARD = new ProductCatalogue();

    private final List<Product> products = new ArrayList<>();
    private final Map<DeviceType, WeightedChoice<Product>> byType = new EnumMap<>(DeviceType.class);
    private final Map<Region, WeightedChoice<Product>> hubsByRegion = new EnumMap<>(Region.class);
    private final Map<AltHanDeviceVariant, Product> bridges = new EnumMap<>(AltHanDeviceVariant.class);
    private final Product[] gpfOfHub;
    private final WeightedChoice<HubBaseline> baselines = new WeightedChoice<HubBaseline>()
            .add(new HubBaseline("1.0", "1.1"), 5)
            .add(new HubBaseline("1.1", "2.0"), 10)
            .add(new HubBaseline("1.1", "2.1"), 35)
            .add(new HubBaseline("1.3", "3.2"), 50);
    private final WeightedChoice<Region> regions = new WeightedChoice<Region>()
            .add(Region.NORTH, 28)
            .add(Region.CENTRAL, 36)
            .add(Region.SOUTH, 36);
    private final Map<Region, int[]> distributorIds = new EnumMap<>(Map.of(
            Region.NORTH, new int[] {15, 16, 17, 18, 23},
            Region.CENTRAL, new int[] {10, 11, 13, 14, 21},
            Region.SOUTH, new int[] {12, 19, 20, 22}));

    private ProductCatalogue() {
        List<String> hubFirmware = List.of("2.1.0", "3.2.1", "3.2.4");
        Product edmiSingle = hub(Region.NORTH, "EDMI", "EDMI-SBCH", 60, hubFirmware);
        Product wncDual = hub(Region.NORTH, "WNC", "WNC-DBCH", 40, hubFirmware);
        Product toshibaSingle = hub(Region.CENTRAL, "Toshiba", "TOS-SBCH", 60, hubFirmware);
        Product toshibaDual = hub(Region.CENTRAL, "Toshiba", "TOS-DBCH", 40, hubFirmware);
        hubsByRegion.put(Region.SOUTH, hubsByRegion.get(Region.CENTRAL));
        int hubCount = products.size();
        gpfOfHub = new Product[hubCount];
        for (Product hub : List.of(edmiSingle, wncDual, toshibaSingle, toshibaDual)) {
            gpfOfHub[hub.index()] = add(DeviceType.GPF, null, hub.manufacturer(), hub.model() + "-GPF", hubFirmware);
        }
        List<String> meterFirmware = List.of("1.0.3", "1.2.0", "2.0.1");
        offer(DeviceType.ESME, "EDMI", "ES-ESME-1", 25, meterFirmware);
        offer(DeviceType.ESME, "Landis+Gyr", "LG-ESME-1", 25, meterFirmware);
        offer(DeviceType.ESME, "Secure Meters", "SM-ESME-1", 30, meterFirmware);
        offer(DeviceType.ESME, "Aclara", "AC-ESME-1", 20, meterFirmware);
        offer(DeviceType.GSME, "Flonidan", "FD-GSME-1", 40, meterFirmware);
        offer(DeviceType.GSME, "EDMI", "ES-GSME-1", 30, meterFirmware);
        offer(DeviceType.GSME, "Secure Meters", "SM-GSME-1", 30, meterFirmware);
        List<String> hanFirmware = List.of("1.0.0", "1.1.2", "1.4.0");
        offer(DeviceType.IHD, "Chameleon Technology", "CT-IHD-6", 55, hanFirmware);
        offer(DeviceType.IHD, "geo", "GEO-IHD-2", 45, hanFirmware);
        offer(DeviceType.PPMID, "Chameleon Technology", "CT-PPMID-1", 60, hanFirmware);
        offer(DeviceType.PPMID, "geo", "GEO-PPMID-1", 40, hanFirmware);
        offer(DeviceType.HCALCS, "Secure Meters", "SM-HCALCS-1", 100, hanFirmware);
        offer(DeviceType.CAD, "Hildebrand", "HB-CAD-1", 100, hanFirmware);
        List<String> bridgeFirmware = List.of("1.0.0", "1.0.2");
        for (AltHanDeviceVariant variant : AltHanDeviceVariant.values()) {
            bridges.put(variant, add(DeviceType.PPMID, variant, "AltHAN P2P", "AH-P2P-" + variant, bridgeFirmware));
        }
        // added last, so that the products before keep their index and so their Device ID prefix
        offer(DeviceType.APC, "Secure Meters", "SM-APC-1", 100, hanFirmware);
    }

    /** The product whose Device IDs start with {@code prefix} (the top 24 bits of an EUI-64), or null. */
    Product productOfPrefix(int prefix) {
        int index = (prefix & 0xFF) - 1;
        if ((prefix & 0xFFFF00) != PREFIX_BASE || index < 0 || index >= products.size()) {
            return null;
        }
        return products.get(index);
    }

    /** The product at {@code index}. */
    Product product(int index) {
        return products.get(index);
    }

    /** A Communications Hub product for a region. */
    Product pickHub(Region region, SplittableRandom random) {
        return hubsByRegion.get(region).pick(random);
    }

    /** The Gas Proxy Function product of a hub product. */
    Product gpfOf(Product hub) {
        return gpfOfHub[hub.index()];
    }

    /** A product of a device type (not for CHF, GPF or bridges). */
    Product pick(DeviceType type, SplittableRandom random) {
        WeightedChoice<Product> choice = byType.get(type);
        if (choice == null) {
            throw new IllegalArgumentException("no standalone products of type " + type);
        }
        return choice.pick(random);
    }

    /** The bridge product of an Alt HAN Device Variant. */
    Product bridge(AltHanDeviceVariant variant) {
        return bridges.get(variant);
    }

    /** The CHTS / GBCS baselines with their weights. */
    WeightedChoice<HubBaseline> baselines() {
        return baselines;
    }

    /** The regions with their weights (North 28, Central 36, South 36). */
    WeightedChoice<Region> regions() {
        return regions;
    }

    /** MPAN distributor ids (10-23) of a region. */
    int[] distributorIds(Region region) {
        return distributorIds.get(region).clone();
    }

    /** One MPAN distributor id of a region. */
    int pickDistributorId(Region region, SplittableRandom random) {
        int[] ids = distributorIds.get(region);
        return ids[random.nextInt(ids.length)];
    }

    private Product hub(Region region, String manufacturer, String model, int weight, List<String> firmware) {
        Product hub = add(DeviceType.CHF, null, manufacturer, model, firmware);
        hubsByRegion.computeIfAbsent(region, r -> new WeightedChoice<>()).add(hub, weight);
        return hub;
    }

    private void offer(DeviceType type, String manufacturer, String model, int weight, List<String> firmware) {
        byType.computeIfAbsent(type, t -> new WeightedChoice<>()).add(add(type, null, manufacturer, model, firmware), weight);
    }

    private Product add(DeviceType type, AltHanDeviceVariant variant, String manufacturer, String model,
                        List<String> firmware) {
        int index = products.size();
        if (index >= 0xFF) {
            throw new IllegalStateException("a product index must fit the third prefix octet: " + model);
        }
        Product product = new Product(index, type, variant, manufacturer, model, PREFIX_BASE | (index + 1), firmware);
        products.add(product);
        return product;
    }
}
