package org.secflow.plugins.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.secflow.spi.AltHanDeviceVariant;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedCommsHub;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.EstateRequest;
import org.secflow.spi.MeterPoints;
import org.secflow.spi.Region;

/**
 * Draws premises one at a time from a {@link SplittableRandom} seeded with the request's seed, so the same seed
 * gives the same estate device for device. Every draw happens in a fixed order. The parties are drawn from a stream
 * split off at the start, so the devices depend on the seed alone, not on the party lists; a device's firmware
 * version and TCSO state follow from its ID ({@link DeviceIdentity}).
 *
 * <p>Per premises: a region; a fuel mix (dual fuel unless drawn electricity-only or gas-only); a Communications Hub
 * (CHF + GPF, CHTS/GBCS baseline); an ESME with an MPAN and an Import Supplier and/or a GSME with an MPRN and a Gas
 * Supplier; a PPMID when prepayment; an IHD in most premises; an Alt HAN solution of 2 or 3 bridges in a share of
 * premises; occasionally an HCALCS and a CAD. Never more than {@value #MAX_TYPE1_PER_HUB} Type 1 devices per hub
 * (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1).
 *
 * <p>Alt HAN bridge roles are this emulator's reading of the factors in DCC Preliminary Impact Assessment for SECMP0170 section 3.1 (IHD or GSME out of
 * range, whether they are close together, whether the GSME has an electricity source nearby); the sources name the
 * variants B1-B4 but not what each is. B1 sits beside the hub, B2 beside the IHD, B3 beside a GSME with mains power,
 * B4 beside a GSME without (so B4 is the natural battery-powered one, MP170 draft Modification Report section 7). Solutions: IHD out of range
 * B1+B2; GSME out of range B1+B3|B4; both, close together B1+B3|B4; both, apart B1+B2+B3|B4.
 *
 * <p>Identifiers: Device IDs are the product's 24-bit prefix and a 40-bit counter that starts at a
 * seed-derived offset, so they are unique in an estate and, with overwhelming likelihood, between estates of
 * different seeds. MPAN cores are a region's distributor id, ten digits and the check digit: Import MPANs take ten
 * digits below 5,000,000,000 and Export MPANs the same digits plus 5,000,000,000, so the two never meet. The ten
 * digits and the MPRNs (within each gas network's range) step by a stride coprime to their range, so they are unique
 * in an estate without a set. The distributor ids and MPRN ranges of a region are the host's (from its registration
 * tables, {@link EstateRequest#distributorIds()}, {@link EstateRequest#mprnRanges()}); for a region the request leaves
 * out, the catalogue's distributor ids and ten-digit MPRNs from 1,000,000,000.
 *
 * <p>Meter points and their parties are drawn from streams split off at the start, so the devices depend on the
 * seed alone, not on the party lists or the host's tables. A share {@value #EXPORT_SHARE} of electricity premises
 * export (solar generation; the emulator's assumption, not from a source) and get an Export MPAN, and an Export
 * Supplier when the request names any.
 */
final class EstateGenerator {
    /** At most six Type 1 devices (PPMID, HCALCS, Alt HAN bridges) per Communications Hub (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1). */
    static final int MAX_TYPE1_PER_HUB = 6;
    /** Share of out-of-range GSMEs with an electricity source nearby (the emulator's assumption). */
    static final double GSME_MAINS_NEARBY_SHARE = 0.5;
    /** Share of electricity premises that export (the emulator's assumption of rooftop solar with export). */
    static final double EXPORT_SHARE = 0.08;

    private static final long STRIDE = 7_919_000_003L;
    private static final long IMPORT_CORES = 5_000_000_000L;
    private static final long MPRN_LOW = 1_000_000_000L;
    private static final long MPRN_RANGE = 9_000_000_000L;

    /** Salt of the draw that gives a premises with electricity an Auxiliary Proportional Controller. */
    private static final long APC_SALT = 0x4150_4300_0000_0001L;

    private final EmulatorSettings settings;
    private final ProductCatalogue catalogue;
    private final DeviceIdentity identity;

    EstateGenerator(EmulatorSettings settings, ProductCatalogue catalogue, DeviceIdentity identity) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    /**
     * Generates the estate into {@code sink}, recording every device in {@code han}.
     *
     * @throws RuntimeException whatever the sink throws; the devices of the premises before stay in {@code han}
     */
    void generate(EstateRequest request, Consumer<EmulatedPremises> sink, HanSegment.Builder han) {
        new Run(request, han).generate(sink);
    }

    /** The state of one generation: the randoms, the counters and the device sink. */
    private final class Run {
        private final EstateRequest request;
        private final HanSegment.Builder han;
        private final SplittableRandom random;
        private final SplittableRandom parties;
        private final SplittableRandom meterPoints;
        private final long counterBase;
        private final long mprnOffset;
        private final java.util.Map<EstateRequest.MprnRange, long[]> mprnCursors = new java.util.HashMap<>();
        private long mpanCursor;
        private long mprnCursor;
        private long devices;

        Run(EstateRequest request, HanSegment.Builder han) {
            this.request = request;
            this.han = han;
            this.random = new SplittableRandom(request.seed());
            this.parties = random.split();
            this.meterPoints = random.split();
            this.counterBase = random.nextLong();
            this.mpanCursor = Math.floorMod(random.nextLong(), IMPORT_CORES);
            this.mprnOffset = random.nextLong();
            this.mprnCursor = Math.floorMod(mprnOffset, MPRN_RANGE);
        }

        void generate(Consumer<EmulatedPremises> sink) {
            for (int i = 0; i < request.premises(); i++) {
                mpanCursor = (mpanCursor + STRIDE) % IMPORT_CORES;
                mprnCursor = (mprnCursor + STRIDE) % MPRN_RANGE;
                sink.accept(premises());
            }
        }

        private EmulatedPremises premises() {
            Region region = catalogue.regions().pick(random);
            double fuel = random.nextDouble();
            boolean electricity = fuel >= settings.gasOnlyShare();
            boolean gas = fuel < settings.gasOnlyShare() || fuel >= settings.gasOnlyShare() + settings.electricityOnlyShare();

            Product hubProduct = catalogue.pickHub(region, random);
            ProductCatalogue.HubBaseline baseline = catalogue.baselines().pick(random);
            long hubId = nextId(hubProduct);
            EmulatedDevice chf = add(hubId, hubProduct, hubId);
            Product gpfProduct = catalogue.gpfOf(hubProduct);
            EmulatedDevice gpf = add(nextId(gpfProduct), gpfProduct, hubId);
            EmulatedCommsHub hub = new EmulatedCommsHub(chf, gpf, baseline.chtsVersion(), baseline.gbcsVersion());

            List<EmulatedDevice> devices = new ArrayList<>(8);
            String mpan = null;
            String importSupplier = null;
            String exportMpan = null;
            String exportSupplier = null;
            if (electricity) {
                devices.add(standalone(DeviceType.ESME, hubId));
                String distributor = distributorId(region);
                mpan = mpan(distributor, mpanCursor);
                importSupplier = request.importSuppliers().get(parties.nextInt(request.importSuppliers().size()));
                if (meterPoints.nextDouble() < EXPORT_SHARE) {
                    exportMpan = mpan(distributor, mpanCursor + IMPORT_CORES);
                    if (!request.exportSuppliers().isEmpty()) {
                        exportSupplier = request.exportSuppliers().get(parties.nextInt(request.exportSuppliers().size()));
                    }
                }
            }
            String mprn = null;
            String gasSupplier = null;
            if (gas) {
                devices.add(standalone(DeviceType.GSME, hubId));
                mprn = mprn(region);
                gasSupplier = request.gasSuppliers().get(parties.nextInt(request.gasSuppliers().size()));
            }
            int type1 = 0;
            if (random.nextDouble() < settings.prepaymentShare()) {
                devices.add(standalone(DeviceType.PPMID, hubId));
                type1++;
            }
            boolean ihd = random.nextDouble() < settings.ihdShare();
            if (random.nextDouble() < settings.altHanShare()) {
                int scenario = gas ? random.nextInt(3) : 0;
                boolean ihdOut = scenario != 1;
                boolean gsmeOut = scenario != 0;
                boolean apart = scenario == 2 && random.nextBoolean();
                boolean mains = random.nextDouble() < GSME_MAINS_NEARBY_SHARE;
                devices.add(bridge(AltHanDeviceVariant.B1, hubId));
                type1++;
                if (ihdOut && (!gsmeOut || apart)) {
                    devices.add(bridge(AltHanDeviceVariant.B2, hubId));
                    type1++;
                }
                if (gsmeOut) {
                    devices.add(bridge(mains ? AltHanDeviceVariant.B3 : AltHanDeviceVariant.B4, hubId));
                    type1++;
                }
                ihd |= ihdOut;
            }
            if (ihd) {
                devices.add(standalone(DeviceType.IHD, hubId));
            }
            if (electricity && random.nextDouble() < settings.hcalcsShare() && type1 < MAX_TYPE1_PER_HUB) {
                devices.add(standalone(DeviceType.HCALCS, hubId));
            }
            if (random.nextDouble() < settings.cadShare()) {
                devices.add(standalone(DeviceType.CAD, hubId));
            }
            // drawn from the hub's ID, not the estate's random, so that estates of a seed keep every other device
            long type1Now = devices.stream().filter(d -> d.type().isType1()).count();
            if (electricity && DeviceIdentity.unit(DeviceIdentity.mix(hubId ^ APC_SALT)) < settings.apcShare()
                    && type1Now < MAX_TYPE1_PER_HUB) {
                Product apc = catalogue.pick(DeviceType.APC, new SplittableRandom(hubId));
                devices.add(add(DeviceIdentity.eui64(apc, hubId), apc, hubId));
            }
            return new EmulatedPremises(mpan, mprn, region, importSupplier, gasSupplier, hub, devices, exportMpan, exportSupplier);
        }

        private EmulatedDevice standalone(DeviceType type, long hubId) {
            Product product = catalogue.pick(type, random);
            return add(nextId(product), product, hubId);
        }

        private EmulatedDevice bridge(AltHanDeviceVariant variant, long hubId) {
            Product product = catalogue.bridge(variant);
            return add(nextId(product), product, hubId);
        }

        private long nextId(Product product) {
            return DeviceIdentity.eui64(product, counterBase + devices++);
        }

        private EmulatedDevice add(long id, Product product, long hubId) {
            han.add(id, hubId);
            String firmware = product.firmwareVersions().get(identity.firmwareIndex(id, product));
            return new EmulatedDevice(DeviceId.of(id), product.type(), product.variant(), product.manufacturer(),
                    product.model(), firmware, identity.batteryPowered(product), identity.tcsoReclassified(id, product));
        }

        /** A distributor id of the region: the host's when the request gives the region's, else the catalogue's. */
        private String distributorId(Region region) {
            List<String> ids = request.distributorIds().get(region);
            if (ids != null) {
                return ids.get(meterPoints.nextInt(ids.size()));
            }
            return String.format("%02d", catalogue.pickDistributorId(region, meterPoints));
        }

        /** An MPRN of the region: in one of the host's ranges for it, else ten digits from 1,000,000,000. */
        private String mprn(Region region) {
            List<EstateRequest.MprnRange> ranges = request.mprnRanges().get(region);
            if (ranges == null) {
                return Long.toString(MPRN_LOW + mprnCursor);
            }
            EstateRequest.MprnRange range = ranges.get(meterPoints.nextInt(ranges.size()));
            long size = range.last() - range.first() + 1;
            long[] cursor = mprnCursors.computeIfAbsent(range, r -> new long[] {Math.floorMod(mprnOffset, size), stride(size)});
            cursor[0] = (cursor[0] + cursor[1]) % size;
            return Long.toString(range.first() + cursor[0]);
        }

        /** A step coprime to {@code size}, so that stepping visits every value of the range once. */
        private static long stride(long size) {
            long s = Math.max(1, STRIDE % size);
            while (gcd(s, size) != 1) {
                s++;
            }
            return s;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        private String mpan(String distributor, long tenDigits) {
            char[] digits = new char[13];
            digits[0] = distributor.charAt(0);
            digits[1] = distributor.charAt(1);
            long core = tenDigits;
            for (int k = 11; k >= 2; k--) {
                digits[k] = (char) ('0' + (int) (core % 10));
                core /= 10;
            }
            digits[12] = (char) ('0' + MeterPoints.mpanCheckDigit(new String(digits, 0, 12)));
            return new String(digits);
        }
    }
}
