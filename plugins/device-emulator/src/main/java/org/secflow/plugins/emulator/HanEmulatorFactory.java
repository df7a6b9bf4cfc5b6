package org.secflow.plugins.emulator;

import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.ProviderContext;

/**
 * Factory of the {@code device-emulator}: a deterministic GB smart metering HAN estate that answers PPMID and Alt
 * HAN bridge firmware commands (GBCS CS05c, CS08) as the Communications Hubs and devices would.
 *
 * <p>Configuration ({@code plugins.config.device-emulator.<key>}); shares are fractions 0..1 of premises unless said.
 * A malformed or out-of-range value, or an unknown key, is refused with an {@link IllegalArgumentException} naming
 * the key.
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning and source</th></tr>
 *   <tr><td>{@code altHanShare}</td><td>0.03</td><td>premises with an Alt HAN solution of 2 or 3 P2P bridges
 *       (seed 001 section 3.1). The default is an assumption of a few per cent, not from the seeds.</td></tr>
 *   <tr><td>{@code prepaymentShare}</td><td>0.15</td><td>premises on prepayment, which get a PPMID. An
 *       approximation of the GB domestic prepayment share.</td></tr>
 *   <tr><td>{@code tcsoShare}</td><td>0.01</td><td>share of <em>bridges</em> a Trust Centre Swap Out re-classified
 *       as an IHD; they discard firmware images (seed 000 section 7). Assumption.</td></tr>
 *   <tr><td>{@code transferFailureRate}</td><td>0</td><td>share of CS05c transfers that fail with 0x8F89
 *       FILE_TRANSFER_FAILURE (decided per command id and device, so repeatable).</td></tr>
 *   <tr><td>{@code latencyMs}</td><td>20</td><td>milliseconds between the emulator's steps: command to hub, hub to
 *       transfer alert, transfer to activation alert; 0..60000.</td></tr>
 *   <tr><td>{@code electricityOnlyShare}</td><td>0.15</td><td>premises with electricity only (ESME, no GSME).
 *       Approximation; dual fuel is the rest after the two single-fuel shares.</td></tr>
 *   <tr><td>{@code gasOnlyShare}</td><td>0.01</td><td>premises with gas only (GSME, no ESME). Approximation.</td></tr>
 *   <tr><td>{@code ihdShare}</td><td>0.90</td><td>premises with an In-Home Display (always when the Alt HAN solution
 *       extends the HAN to the IHD). Assumption.</td></tr>
 *   <tr><td>{@code hcalcsShare}</td><td>0.01</td><td>electricity premises with an HCALCS. Assumption.</td></tr>
 *   <tr><td>{@code cadShare}</td><td>0.02</td><td>premises with a Consumer Access Device. Assumption.</td></tr>
 *   <tr><td>{@code batteryPoweredVariant}</td><td>B4</td><td>the Alt HAN Device Variant that runs on battery. Seed 000
 *       section 7 says one bridge type is battery powered but not which; B4 is the emulator's bridge beside a GSME
 *       without an electricity source (see {@code EstateGenerator}).</td></tr>
 * </table>
 *
 * <p>Estates: regions North 28 %, Central 36 %, South 36 % (approximation), CHTS/GBCS baselines from seed 004
 * (MP139), at most six Type 1 devices per hub (seed 001 section 4.1.1); see {@code EstateGenerator} and
 * {@code ProductCatalogue}. Commands: see {@code HubCommandResponder}. A device the emulator did not generate in this
 * JVM is emulated on first contact: as generated when its Device ID is one this emulator makes (the ID names the
 * product and fixes firmware and TCSO state, so {@code secflow estate generate} in one process and {@code serve} in
 * another agree, given the same configuration), else as a PPMID of unknown model (see {@code HanRegistry}).
 */
public final class HanEmulatorFactory implements DeviceEmulatorFactory {
    /** The id configuration selects: {@code plugins.deviceEmulator=device-emulator}. */
    public static final String ID = "device-emulator";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Deterministic GB smart metering estate (Comms Hubs, meters, PPMIDs, Alt HAN bridges) answering CS05c/CS08";
    }

    /**
     * Creates an emulator with an empty HAN.
     *
     * @throws IllegalArgumentException naming the key, when the configuration is invalid
     */
    @Override
    public DeviceEmulator create(ProviderContext context) {
        return new HanEmulator(EmulatorSettings.from(context.config()), context);
    }
}
