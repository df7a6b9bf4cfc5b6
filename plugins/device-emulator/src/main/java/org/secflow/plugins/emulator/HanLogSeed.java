package org.secflow.plugins.emulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;

/**
 * The HAN device logs of a generated estate's Communications Hubs, as the Smart Metering Inventory holds the hubs'
 * devices: each hub's log lists every device of its premises besides the hub's own CHF and GPF (meters, IHD,
 * PPMIDs, Alt HAN bridges, HCALCS, APC, CAD), as {@code <Device ID>:<type>} entries (the form of
 * {@link DeviceStateKeys#HAN_LOG}), so SRV 8.11's limit of six Type 1 devices per hub (DCC Preliminary Impact
 * Assessment for SECMP0170 section 4.1.1) counts the Type 1 devices the SMI puts on the hub. Collected compactly
 * (two longs and a byte per device) while the estate is generated, written to the {@link DeviceStateStore} after it,
 * {@value #CHUNK} hubs per log write. Not thread-safe: one per generation.
 */
final class HanLogSeed {
    static final int CHUNK = 10_000;

    private long[] hubs = new long[64];
    private int[] ends = new int[64];
    private int hubCount;
    private String[] entries = new String[256];
    private int entryCount;

    /** Records the devices of a premises the host accepted into its Smart Metering Inventory. */
    void add(EmulatedPremises premises) {
        if (hubCount == hubs.length) {
            hubs = Arrays.copyOf(hubs, hubCount * 2);
            ends = Arrays.copyOf(ends, hubCount * 2);
        }
        for (EmulatedDevice d : premises.devices()) {
            if (entryCount == entries.length) {
                entries = Arrays.copyOf(entries, entryCount * 2);
            }
            entries[entryCount++] = d.deviceId().value() + ":" + d.type();
        }
        hubs[hubCount] = DeviceIdentity.eui64(premises.commsHub().chf().deviceId());
        ends[hubCount++] = entryCount;
    }

    /** Number of hubs recorded. */
    int hubs() {
        return hubCount;
    }

    /** Sets the HAN device log of every recorded hub (one with no device: none). */
    void writeTo(DeviceStateStore state) {
        Map<Long, Map<String, String>> chunk = new HashMap<>();
        int start = 0;
        for (int h = 0; h < hubCount; h++) {
            if (ends[h] > start) {
                chunk.put(hubs[h], Map.of(DeviceStateKeys.HAN_LOG,
                        String.join(" ", Arrays.asList(entries).subList(start, ends[h]))));
            }
            start = ends[h];
            if (chunk.size() == CHUNK) {
                state.putAll(chunk);
                chunk.clear();
            }
        }
        state.putAll(chunk);
    }
}
