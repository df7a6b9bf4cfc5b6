package org.secflow.plugins.dspreference;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.secflow.spi.DeviceType;

/**
 * One Service Request Variant as the reference DSP carries it: a row of {@code srv-routes.csv}, taken from the DUIS
 * Service Request matrix (critical, future-dated, DCC-scheduled, target devices and their GBCS use cases).
 *
 * @param srv e.g. {@code 4.18}
 * @param name e.g. {@code Read Meter Balance}
 * @param critical a Critical SRV (the DUIS matrix's Critical column)
 * @param futureDated whether a request may carry an Execution Date Time (the matrix's future-dated pattern is not No)
 * @param dccScheduled whether SRV 5.1 may schedule it (the matrix's DCC Scheduled column)
 * @param handling who answers
 * @param routes per target device type the GBCS use cases, the first the default; empty for {@link Handling#DSP}
 *     and {@link Handling#SMI} SRVs, which take any device
 * @param payload the payload schema
 */
record SrvRoute(String srv, String name, boolean critical, boolean futureDated, boolean dccScheduled,
                Handling handling, Map<DeviceType, List<String>> routes, List<PayloadField> payload) {

    /** Who answers a request of the SRV. */
    enum Handling {
        /** A command to the target device through the CSP of its hub's region. */
        DEVICE,
        /** A firmware image validated by the DSP, then a command (CS05a, CS05b, CS05c) to the device. */
        FIRMWARE,
        /** The DSP itself (non-device SRVs: schedules, WAN matrix, hub status updates). */
        DSP,
        /** The host's Smart Metering Inventory (8.2, 8.4, 12.2); never reaches a DSP. */
        SMI
    }

    SrvRoute {
        Objects.requireNonNull(srv, "srv");
        Objects.requireNonNull(handling, "handling");
        routes = Map.copyOf(routes);
        payload = List.copyOf(payload);
    }

    /** E.g. {@code 4.18 Read Meter Balance}. */
    @Override
    public String toString() {
        return srv + " " + name;
    }
}
