package org.secflow.spi;

import java.util.function.Consumer;

/**
 * Emulates a HAN estate: Communications Hubs and their devices. It answers commands as the hubs and devices
 * would, with GBCS-style alerts ({@link GbcsAlert}).
 */
public interface DeviceEmulator extends Provider, CommsHubNetwork {

    /**
     * Generates a deterministic estate, one premises at a time, and keeps it as the emulated HAN.
     *
     * @param request how many premises, the seed and the parties to register
     * @param sink receives each premises in order; generation stops if it throws
     */
    void generateEstate(EstateRequest request, Consumer<EmulatedPremises> sink);
}
