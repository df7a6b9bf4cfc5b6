package org.secflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secflow.spi.CommsHubCommand;
import org.secflow.spi.Csp;
import org.secflow.spi.CspFactory;
import org.secflow.spi.DeviceEvent;
import org.secflow.spi.DeviceEvent.Stage;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.FirmwareImage;
import org.secflow.spi.GbcsAlert;
import org.secflow.spi.Region;

/**
 * What every {@link Csp} must do, whatever its SM WAN (the {@link Csp} contract; DCC Preliminary Impact Assessment for SECMP0170
 * section 4.1.1, DSP -> CSP -> Communications Hub). A CSP plugin's test extends this and names its factory:
 * <pre>{@code
 * class CspNorthConformanceTest extends CspConformanceTest {
 *     protected CspFactory factory() { return new CspNorthFactory(); }
 * }
 * }</pre>
 * The CSP is created with a {@link FakeProviderContext} holding {@link #config()} and a {@link FakeCommsHubNetwork}.
 * Tests that need a capability a CSP does not declare are skipped, as in Trino's {@code BaseConnectorTest}.
 *
 * <p>About 370 lines, kept whole: a conformance suite is the one class a plugin's test extends (as Trino's
 * {@code BaseConnectorTest}, far longer); its tests read one after another as the contract.
 */
public abstract class CspConformanceTest {
    /** How long a test waits for an event before it fails. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Longest {@link Csp#send} may take while the hub network is held. */
    protected static final Duration SEND_LIMIT = Duration.ofSeconds(1);
    protected static final DeviceId HUB = DeviceId.parse("00-DB-12-34-56-78-90-A0");
    protected static final DeviceId PPMID = DeviceId.parse("00-DB-12-34-56-78-90-B1");
    protected static final FirmwareImage IMAGE = new FirmwareImage("Acme", "Bridge B1", "2.1.0", "a".repeat(64),
            Set.of(DeviceType.PPMID));

    private final List<FakeProviderContext> contexts = new ArrayList<>();
    private final List<Csp> csps = new ArrayList<>();
    private final AtomicInteger commandIds = new AtomicInteger();

    /** The factory under test. */
    protected abstract CspFactory factory();

    /** Configuration every test's CSP is created with (e.g. a short latency); empty by default. */
    protected Map<String, String> config() {
        return Map.of();
    }

    /**
     * Extra configuration under which the CSP's SM WAN fails every delivery, or null (the default) when the CSP
     * has no such setting; {@link #reportsASmWanDeliveryFailureAsFailed()} is then skipped.
     */
    protected Map<String, String> configFailingEveryDelivery() {
        return null;
    }

    /**
     * Extra configuration that allows at most {@code maxConcurrent} commands in flight (from acceptance to the final
     * hub event: 0x8F89, 0x8F8B, DEVICE_RESPONSE or FAILED) and frees the slot of a command whose hub never sends
     * its final event after {@code slotTimeout}; null (the default) when the CSP has no such limit, and the limit
     * tests are skipped.
     */
    protected Map<String, String> configLimitingConcurrency(int maxConcurrent, Duration slotTimeout) {
        return null;
    }

    /**
     * Creates a CSP from {@link #config()} plus {@code extra}, delivering to {@code network}; closed after the
     * test.
     */
    protected Csp createCsp(FakeCommsHubNetwork network, Map<String, String> extra) throws Exception {
        return createCspOn(network, extra);
    }

    private Csp createCspOn(org.secflow.spi.CommsHubNetwork network, Map<String, String> extra)
            throws Exception {
        FakeProviderContext context = new FakeProviderContext(factory().id()).withNetwork(network);
        contexts.add(context);
        Map<String, String> all = new HashMap<>(config());
        all.putAll(extra);
        all.forEach(context::with);
        Csp csp = factory().create(context);
        csps.add(csp);
        return csp;
    }

    /** A new command with a unique id. */
    protected CommsHubCommand command(String gbcsUseCase, Region region) {
        return new CommsHubCommand("cmd-" + commandIds.incrementAndGet(), gbcsUseCase, HUB, PPMID, region, Map.of(),
                "CS05c".equals(gbcsUseCase) ? IMAGE : null);
    }

    @AfterEach
    void closeCsps() {
        csps.forEach(Csp::close);
        contexts.forEach(FakeProviderContext::close);
    }

    @Test
    void declaresAnIdAndAtLeastOneRegion() {
        assertThat(factory().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(factory().supportedRegions()).isNotEmpty();
    }

    @Test
    void servesItsDeclaredRegions() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        Csp csp = createCsp(network, Map.of());
        for (Region region : factory().supportedRegions()) {
            CommsHubCommand command = command("CS08", region);
            RecordingListener listener = new RecordingListener();
            csp.send(command, listener);
            assertThat(listener.await(Stage.DEVICE_RESPONSE, TIMEOUT).correlationId()).isEqualTo(command.commandId());
        }
        assertThat(network.delivered()).extracting(CommsHubCommand::region)
                .containsExactlyInAnyOrderElementsOf(factory().supportedRegions());
    }

    @Test
    void acceptsACommandBeforeItReachesTheHub() throws Exception {
        Csp csp = createCsp(new FakeCommsHubNetwork(), Map.of());
        CommsHubCommand command = command("CS08", anyServedRegion());
        RecordingListener listener = new RecordingListener();
        csp.send(command, listener);
        listener.await(Stage.DEVICE_RESPONSE, TIMEOUT);
        DeviceEvent first = listener.events().get(0);
        assertThat(first.stage()).isEqualTo(Stage.ACCEPTED_BY_CSP);
        assertThat(first.correlationId()).isEqualTo(command.commandId());
        assertThat(first.deviceId()).isEqualTo(PPMID);
    }

    @Test
    void relaysHubEventsToTheCaller() throws Exception {
        Csp csp = createCsp(new FakeCommsHubNetwork(), Map.of());
        CommsHubCommand command = command("CS05c", anyServedRegion());
        RecordingListener listener = new RecordingListener();
        csp.send(command, listener);
        listener.await(e -> e.alert() == GbcsAlert.FIRMWARE_ACTIVATION, TIMEOUT);
        assertThat(listener.events()).extracting(DeviceEvent::stage).containsExactly(
                Stage.ACCEPTED_BY_CSP, Stage.DELIVERED_TO_HUB, Stage.DEVICE_ALERT, Stage.DEVICE_ALERT);
        assertThat(listener.events()).extracting(DeviceEvent::correlationId).containsOnly(command.commandId());
        assertThat(listener.events().get(3).data())
                .containsEntry("firmwareVersion", IMAGE.version()).containsEntry("result", "0");
    }

    @Test
    void refusesACommandForARegionItDoesNotServe() throws Exception {
        Set<Region> unserved = EnumSet.complementOf(EnumSet.copyOf(factory().supportedRegions()));
        assumeTrue(!unserved.isEmpty(), "the CSP serves every region");
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        Csp csp = createCsp(network, Map.of());
        for (Region region : unserved) {
            RecordingListener listener = new RecordingListener();
            csp.send(command("CS08", region), listener);
            DeviceEvent failed = listener.await(Stage.FAILED, TIMEOUT);
            assertThat(failed.data().get("reason")).contains(region.name());
            assertThat(listener.events()).extracting(DeviceEvent::stage).containsExactly(Stage.FAILED);
        }
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void sendReturnsBeforeDelivery() throws Exception {
        FakeCommsHubNetwork network = new FakeCommsHubNetwork().hold();
        Csp csp = createCsp(network, Map.of());
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();
        csp.send(command("CS08", anyServedRegion()), listener);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        network.release();
        assertThat(took).isLessThan(SEND_LIMIT);
        listener.await(Stage.DEVICE_RESPONSE, TIMEOUT);
        assertThat(network.deliveringThreads()).doesNotContain(Thread.currentThread());
    }

    @Test
    void carriesManyCommandsFromManyThreads() throws Exception {
        Csp csp = createCsp(new FakeCommsHubNetwork(), Map.of());
        Region region = anyServedRegion();
        List<CommsHubCommand> commands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            commands.add(command("CS08", region));
        }
        RecordingListener listener = new RecordingListener();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            commands.forEach(c -> callers.execute(() -> csp.send(c, listener)));
            for (CommsHubCommand c : commands) {
                listener.await(e -> e.stage() == Stage.DEVICE_RESPONSE && e.correlationId().equals(c.commandId()),
                        TIMEOUT);
            }
        } finally {
            callers.shutdown();
            callers.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(listener.events()).filteredOn(e -> e.stage() == Stage.ACCEPTED_BY_CSP).hasSize(commands.size());
    }

    @Test
    void reportsASmWanDeliveryFailureAsFailed() throws Exception {
        Map<String, String> failing = configFailingEveryDelivery();
        assumeTrue(failing != null, "the CSP declares no setting that makes its SM WAN fail");
        FakeCommsHubNetwork network = new FakeCommsHubNetwork();
        Csp csp = createCsp(network, failing);
        RecordingListener listener = new RecordingListener();
        CommsHubCommand command = command("CS05c", anyServedRegion());
        csp.send(command, listener);
        DeviceEvent failed = listener.await(Stage.FAILED, TIMEOUT);
        assertThat(failed.correlationId()).isEqualTo(command.commandId());
        assertThat(failed.data().get("reason")).isNotBlank();
        assertThat(network.delivered()).isEmpty();
    }

    @Test
    void closingTwiceDoesNotThrow() throws Exception {
        Csp csp = createCsp(new FakeCommsHubNetwork(), Map.of());
        csp.close();
        csp.close();
    }

    @Test
    void neverHasMoreCommandsInFlightThanItsLimitAndCarriesTheQueuedOnesLater() throws Exception {
        Map<String, String> limited = configLimitingConcurrency(3, Duration.ofSeconds(30));
        assumeTrue(limited != null, "the CSP declares no concurrency limit");
        PacedNetwork network = new PacedNetwork(Duration.ofMillis(40), Set.of());
        Csp csp = createCspOn(network, limited);
        List<CommsHubCommand> commands = new ArrayList<>();
        RecordingListener listener = new RecordingListener();
        try {
            for (int i = 0; i < 12; i++) {
                CommsHubCommand c = command(i % 2 == 0 ? "CS08" : "CS05c", anyServedRegion());
                commands.add(c);
                csp.send(c, listener);
            }
            for (CommsHubCommand c : commands) {
                listener.await(e -> e.correlationId().equals(c.commandId()) && (e.stage() == Stage.DEVICE_RESPONSE
                        || e.alert() == GbcsAlert.FIRMWARE_ACTIVATION), TIMEOUT);
            }
        } finally {
            network.close();
        }
        assertThat(network.delivered()).hasSize(12);
        assertThat(network.mostInFlight()).as("most commands at the hubs at once").isEqualTo(3);
    }

    @Test
    void freesTheSlotOfACommandWhoseDeviceNeverAnswersAfterTheSlotTimeout() throws Exception {
        Map<String, String> limited = configLimitingConcurrency(1, Duration.ofMillis(300));
        assumeTrue(limited != null, "the CSP declares no concurrency limit");
        CommsHubCommand silent = command("CS05c", anyServedRegion());
        CommsHubCommand next = command("CS08", anyServedRegion());
        PacedNetwork network = new PacedNetwork(Duration.ZERO, Set.of(silent.commandId()));
        Csp csp = createCspOn(network, limited);
        RecordingListener listener = new RecordingListener();
        try {
            csp.send(silent, listener);
            DeviceEvent delivered = listener.await(Stage.DELIVERED_TO_HUB, TIMEOUT);
            csp.send(next, listener);
            Thread.sleep(100);
            assertThat(network.delivered()).as("the second waits while the first holds the only slot")
                    .extracting(CommsHubCommand::commandId).containsExactly(silent.commandId());
            DeviceEvent response = listener.await(e -> e.correlationId().equals(next.commandId())
                    && e.stage() == Stage.DEVICE_RESPONSE, TIMEOUT);
            assertThat(Duration.between(delivered.at(), response.at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        } finally {
            network.close();
        }
        assertThat(listener.events()).filteredOn(e -> e.correlationId().equals(silent.commandId()))
                .extracting(DeviceEvent::stage).containsExactly(Stage.ACCEPTED_BY_CSP, Stage.DELIVERED_TO_HUB);
    }

    /**
     * A hub network answering on its own thread after {@code pace}, as a hub with a well-behaved PPMID would,
     * except for the commands named silent, which get DELIVERED_TO_HUB and nothing more. Counts how many commands
     * it holds at once; a command stops counting just before its final event.
     */
    private static final class PacedNetwork implements org.secflow.spi.CommsHubNetwork, AutoCloseable {
        private final Duration pace;
        private final Set<String> silent;
        private final java.util.concurrent.ScheduledExecutorService hubs = Executors.newScheduledThreadPool(4);
        private final List<CommsHubCommand> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        PacedNetwork(Duration pace, Set<String> silent) {
            this.pace = pace;
            this.silent = silent;
        }

        @Override
        public void deliver(CommsHubCommand command, org.secflow.spi.DeviceEventListener listener) {
            delivered.add(command);
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            hubs.schedule(() -> {
                listener.onEvent(event(command, Stage.DELIVERED_TO_HUB, null, Map.of()));
                if (silent.contains(command.commandId())) {
                    return;
                }
                inFlight.decrementAndGet();
                if ("CS08".equals(command.gbcsUseCase())) {
                    listener.onEvent(event(command, Stage.DEVICE_RESPONSE, null,
                            Map.of("firmwareVersion", FakeCommsHubNetwork.CURRENT_FIRMWARE_VERSION)));
                } else {
                    listener.onEvent(event(command, Stage.DEVICE_ALERT, GbcsAlert.FIRMWARE_ACTIVATION,
                            Map.of("firmwareVersion", IMAGE.version(), "result", "0")));
                }
            }, pace.toMillis(), TimeUnit.MILLISECONDS);
        }

        List<CommsHubCommand> delivered() {
            return List.copyOf(delivered);
        }

        int mostInFlight() {
            return most.get();
        }

        private static DeviceEvent event(CommsHubCommand c, Stage stage, GbcsAlert alert, Map<String, String> data) {
            return new DeviceEvent(c.commandId(), c.deviceId(), stage, alert, data, java.time.Instant.now());
        }

        @Override
        public void close() {
            hubs.shutdownNow();
        }
    }

    /** One region the factory declares. */
    protected Region anyServedRegion() {
        return factory().supportedRegions().iterator().next();
    }

    /**
     * The WAN Variants the CSP reports in SRV 12.1 (SPI 1.2), verbatim, or null (the default) when it reports none;
     * the WAN matrix test is then skipped.
     */
    protected java.util.Set<String> wanVariants() {
        return null;
    }

    @Test
    void reportsOneOfItsWanVariantsTheSameForAHubEveryTime() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(wanVariants() != null, "the CSP reports no WAN Variant");
        try (FakeProviderContext ctx = new FakeProviderContext(factory().id())) {
            ctx.withNetwork(new FakeCommsHubNetwork());
            Csp csp = factory().create(ctx);
            try {
                for (int i = 0; i < 20; i++) {
                    org.secflow.spi.DeviceId hub = org.secflow.spi.DeviceId.of(0x00DB000000000100L + i);
                    String variant = csp.wanVariant(hub).orElseThrow();
                    assertThat(wanVariants()).contains(variant);
                    assertThat(csp.wanVariant(hub)).contains(variant);
                }
            } finally {
                csp.close();
            }
        }
    }
}
