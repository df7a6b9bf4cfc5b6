package org.secflow.plugins.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.DeviceEmulator;
import org.secflow.spi.DeviceEventListener;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.EstateRequest;
import org.secflow.spi.ProviderContext;

/**
 * The device emulator: generates estates ({@link EstateGenerator}), keeps them as its HAN ({@link HanRegistry}) and
 * answers commands as their Communications Hubs and devices ({@link HubCommandResponder}). What the devices remember
 * (firmware, ...) is kept in a {@link DeviceStateStore} in the provider's data folder when the host gives one, so it
 * survives a restart of the platform. Thread-safe; estates may
 * be generated while commands are answered. Owns no threads: it runs on the host's scheduler.
 */
final class HanEmulator implements DeviceEmulator {
    private final EstateGenerator generator;
    private final HanRegistry han;
    private final HubCommandResponder responder;
    private final DeviceStateStore state;
    private volatile boolean closed;

    HanEmulator(EmulatorSettings settings, ProviderContext context) {
        DeviceIdentity identity = new DeviceIdentity(ProductCatalogue.STANDARD, settings);
        this.generator = new EstateGenerator(settings, ProductCatalogue.STANDARD, identity);
        this.state = context.dataDirectory().map(DeviceStateStore::open).orElseGet(DeviceStateStore::inMemory);
        this.han = new HanRegistry(identity, state);
        // images transferred before the platform stopped were activated by their devices meanwhile
        this.han.activatePending();
        UseCaseTable useCases = UseCaseTable.standard();
        this.responder = new HubCommandResponder(han, settings.responses(), context.scheduler(), context.clock(),
                useCases, EmulatorSettings.failureRates(context.config(), useCases::contains));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The devices of every premises handed to the sink stay in the HAN even when the sink throws; an estate from
     * a seed generated before replaces that earlier estate. The HAN device log of each hub whose premises the sink
     * took starts with the premises' devices ({@link HanLogSeed}), kept with the device state.
     */
    @Override
    public void generateEstate(EstateRequest request, Consumer<EmulatedPremises> sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        HanSegment.Builder devices = new HanSegment.Builder(request.seed(),
                (int) Math.min(Integer.MAX_VALUE - 8L, request.premises() * 6L));
        HanLogSeed logs = new HanLogSeed();
        try {
            generator.generate(request, premises -> {
                sink.accept(premises);
                logs.add(premises);
            }, devices);
        } finally {
            han.publish(devices.build());
            logs.writeTo(state);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns at once; every event comes from the host's scheduler (never from this call), the first after {@code latencyMs}. After
     * {@link #close()} the command fails at once with a reason.
     */
    @Override
    public void deliver(CommsHubCommand command, DeviceEventListener listener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            responder.fail(command, listener, "EMULATOR_STOPPED: the device emulator is closed");
            return;
        }
        responder.deliver(command, listener);
    }

    /**
     * Refuses further commands and folds the device state log into its snapshot; the host owns and stops the
     * scheduler.
     */
    @Override
    public void close() {
        closed = true;
        state.close();
    }

    /** The emulated HAN, for tests of this module. */
    HanRegistry han() {
        return han;
    }
}
