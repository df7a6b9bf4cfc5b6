package org.secflow.plugins.emulator;

import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEmulatorFactory;
import org.secflow.spi.ProviderContext;

/**
 * Factory of the {@code device-emulator}: a deterministic GB smart metering HAN estate that answers the GBCS use
 * cases of every device SRV of the DUIS Service Request matrix as the Communications Hubs and devices would, against
 * device state kept in the provider's data folder (firmware, supply, tariff, balance, logs, HAN device log).
 *
 * <p>Configuration ({@code plugins.config.device-emulator.<key>}); shares are fractions 0..1 of premises unless said.
 * A malformed or out-of-range value, or an unknown key, is refused with an {@link IllegalArgumentException} naming
 * the key.
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning and source</th></tr>
 *   <tr><td>{@code altHanShare}</td><td>0.03</td><td>premises with an Alt HAN solution of 2 or 3 P2P bridges
 *       (DCC Preliminary Impact Assessment for SECMP0170 section 3.1). The default is an assumption of a few per cent, not from our sources.</td></tr>
 *   <tr><td>{@code prepaymentShare}</td><td>0.15</td><td>premises on prepayment, which get a PPMID. An
 *       approximation of the GB domestic prepayment share.</td></tr>
 *   <tr><td>{@code tcsoShare}</td><td>0.01</td><td>share of <em>bridges</em> a Trust Centre Swap Out re-classified
 *       as an IHD; they discard firmware images (MP170 draft Modification Report section 7). Assumption.</td></tr>
 *   <tr><td>{@code latencyMs}</td><td>20</td><td>emulated ms from command to hub ({@code DELIVERED_TO_HUB}) and
 *       from hub to a CS08 response; 0..60000.</td></tr>
 *   <tr><td>{@code transferTimeMs}</td><td>20</td><td>emulated ms from {@code DELIVERED_TO_HUB} to the transfer
 *       alert 0x8F8A (or 0x8F89); 0..604800000 (a week). A real ZigBee OTA transfer takes minutes to hours; the
 *       default keeps tests fast.</td></tr>
 *   <tr><td>{@code activationTimeMs}</td><td>20</td><td>emulated ms from 0x8F8A to the activation alert 0x8F8B;
 *       0..604800000.</td></tr>
 *   <tr><td>{@code fileTransferFailureRate}</td><td>0</td><td>share of CS05c transfers that fail with 0x8F89
 *       FILE_TRANSFER_FAILURE. {@code transferFailureRate} is its older name and still read (not both).</td></tr>
 *   <tr><td>{@code activationFailureRate}</td><td>0</td><td>share of CS05c whose 0x8F8B carries {@code result} 1;
 *       the device keeps its old version.</td></tr>
 *   <tr><td>{@code noAnswerRate}</td><td>0</td><td>share of CS05c after whose {@code DELIVERED_TO_HUB} the device
 *       never answers: no alert ever follows.</td></tr>
 *   <tr><td>{@code lowBatteryRate}</td><td>0</td><td>share of periods in which a battery-powered bridge (the
 *       {@code batteryPoweredVariant}) has a low battery: its CS08 response carries {@code batteryLow} "true" and a
 *       CS05c reaching it fails with 0x8F89 {@code reason} BATTERY_LOW. Assumption: no source gives a figure.</td></tr>
 *   <tr><td>{@code lowBatteryPeriodMs}</td><td>3600000</td><td>emulated ms over which a bridge's battery state
 *       holds; drawn afresh per device and period of the host clock (times {@code timeScale}), so a retry a few
 *       periods later may succeed.</td></tr>
 *   <tr><td>{@code timeScale}</td><td>1</td><td>emulated time per host time, e.g. 60 = one emulated minute per real
 *       second; divides every delay above. Above 0, at most 1000000.</td></tr>
 *   <tr><td>{@code electricityOnlyShare}</td><td>0.15</td><td>premises with electricity only (ESME, no GSME).
 *       Approximation; dual fuel is the rest after the two single-fuel shares.</td></tr>
 *   <tr><td>{@code gasOnlyShare}</td><td>0.01</td><td>premises with gas only (GSME, no ESME). Approximation.</td></tr>
 *   <tr><td>{@code ihdShare}</td><td>0.90</td><td>premises with an In-Home Display (always when the Alt HAN solution
 *       extends the HAN to the IHD). Assumption.</td></tr>
 *   <tr><td>{@code hcalcsShare}</td><td>0.01</td><td>electricity premises with an HCALCS. Assumption.</td></tr>
 *   <tr><td>{@code apcShare}</td><td>0.01</td><td>electricity premises with an Auxiliary Proportional Controller
 *       (APC, target of SRV 6.14.3), a Type 1 device. Assumption.</td></tr>
 *   <tr><td>{@code cadShare}</td><td>0.02</td><td>premises with a Consumer Access Device. Assumption.</td></tr>
 *   <tr><td>{@code failureRate.<useCase>}</td><td>0</td><td>share of the commands of a GBCS use case (e.g.
 *       {@code failureRate.ECS43}) that the device fails with COMMAND_FAILED after {@code DELIVERED_TO_HUB}; the use
 *       case must be one the emulator answers (its table {@code use-cases.csv}).</td></tr>
 *   <tr><td>{@code batteryPoweredVariant}</td><td>B4</td><td>the Alt HAN Device Variant that runs on battery. MP170 draft Modification Report
 *       section 7 says one bridge type is battery powered but not which; B4 is the emulator's bridge beside a GSME
 *       without an electricity source (see {@code EstateGenerator}).</td></tr>
 * </table>
 *
 * <p>Estates: regions North 28 %, Central 36 %, South 36 % (approximation), CHTS/GBCS baselines from SEC Panel paper, December 2020
 * (MP139), at most six Type 1 devices per hub (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1); see {@code EstateGenerator} and
 * {@code ProductCatalogue}. Commands: see {@code HubCommandResponder}; rates are drawn per command id and device,
 * independently per cause, so a run repeats exactly. A device the emulator did not generate in this JVM is emulated on first contact: as generated when its Device ID is one this emulator makes (the ID names the
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
        return "Deterministic GB smart metering estate (Comms Hubs, meters, PPMIDs, Alt HAN bridges) answering every"
                + " device SRV's GBCS use cases, with device state that survives a restart";
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
