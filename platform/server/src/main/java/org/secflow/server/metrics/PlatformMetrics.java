package org.secflow.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.secflow.campaign.DeviceState;
import org.secflow.campaign.FirmwareCampaignService;
import org.secflow.plugin.PluginHost;
import org.secflow.rules.RuleTimings;
import org.secflow.servicerequest.DecisionCounts;
import org.secflow.store.Database;
import org.camunda.bpm.engine.ManagementService;

/**
 * The process's metrics in a Prometheus registry (Micrometer), scraped at {@code GET /api/metrics}:
 * <ul>
 *   <li>{@code http_server_requests_seconds{method, route, status}}: API requests by route template ({@link HttpMetrics})</li>
 *   <li>{@code secflow_service_request_decisions_total{srv, outcome}}: Service Request decisions (DUIS, Service
 *       Request matrix) by SRV and outcome, as audited</li>
 *   <li>{@code secflow_rule_evaluation_seconds}: time the rules took per firing, every rule set</li>
 *   <li>{@code secflow_campaign_devices{state}}: devices of firmware campaigns not yet finished, by state (read from
 *       the store when scraped)</li>
 *   <li>{@code secflow_campaign_device_transitions_total{to}}: device transitions applied, by state moved to
 *       ({@code rate()} gives transitions per second)</li>
 *   <li>{@code secflow_csp_commands_in_flight}: commands sent to the CSPs and not yet past them</li>
 *   <li>{@code secflow_process_jobs{kind}}: the process engine's jobs (all, executable, failed with no retries left)</li>
 *   <li>{@code hikaricp_*}: the connection pool (HikariCP's own Micrometer tracker); {@code jvm_*}, {@code process_*},
 *       {@code system_*}: the JVM (Micrometer's binders), among them {@code jvm_compilation_time_ms_total}, the time
 *       the JIT compilers have spent (the JVM's CompilationMXBean; ms)</li>
 *   <li>{@code secflow_jit_cpu_time_seconds_total}: the CPU time of the JIT compiler threads, on Linux only
 *       ({@link CompilerThreadsCpu}); {@code process_cpu_time_ns_total} less this is the application's own</li>
 * </ul>
 * Everything the request and campaign paths count is a lock-free adder read only when scraped, so metrics add no
 * lock and no store access to those paths.
 */
public final class PlatformMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final HttpMetrics http = new HttpMetrics(registry);
    private final DecisionCounts decisions;
    private final Set<DecisionCounts.Key> decisionMeters = ConcurrentHashMap.newKeySet();
    private final FirmwareCampaignService campaigns;
    private volatile Map<DeviceState, Long> campaignDevices = Map.of();
    /**
     * Held here: a Micrometer function counter keeps only a weak reference to what it reads, and reads 0 once that is
     * collected.
     */
    private final CompilerThreadsCpu compilers = new CompilerThreadsCpu(java.nio.file.Path.of("/proc/self/task"));

    /**
     * Binds the meters of what is given; a null part (a platform started without service providers) is left out.
     *
     * @param database its pool is tracked when it is a HikariCP pool that has no metrics registry yet
     */
    public PlatformMetrics(Database database, PluginHost plugins, RuleTimings rules, DecisionCounts decisions,
                           FirmwareCampaignService campaigns, ManagementService jobs) {
        this.decisions = decisions;
        this.campaigns = campaigns;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmCompilationMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (compilers.available()) {
            FunctionCounter.builder("secflow.jit.cpu.time", compilers, CompilerThreadsCpu::seconds).baseUnit("seconds")
                    .description("CPU time of the JVM's JIT compiler threads (Linux only)").register(registry);
        }
        if (database != null && database.dataSource() instanceof HikariDataSource pool && pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
        if (plugins != null) {
            Gauge.builder("secflow.csp.commands.in.flight", plugins, PluginHost::cspCommandsInFlight)
                    .description("commands sent to the CSPs and not yet delivered to the hub, answered or failed")
                    .register(registry);
        }
        if (rules != null) {
            FunctionTimer.builder("secflow.rule.evaluation", rules, RuleTimings::count, RuleTimings::totalNanos, TimeUnit.NANOSECONDS)
                    .description("time the rules took to decide, per firing, over every rule set").register(registry);
            Gauge.builder("secflow.rule.evaluation.max", rules, r -> r.maxNanos() / 1e9).baseUnit("seconds")
                    .description("the longest firing since the process started").register(registry);
        }
        if (campaigns != null) {
            for (DeviceState state : DeviceState.values()) {
                Gauge.builder("secflow.campaign.devices", this, m -> m.campaignDevices.getOrDefault(state, 0L))
                        .tag("state", state.name()).description("devices of firmware campaigns not yet finished, by state")
                        .register(registry);
                FunctionCounter.builder("secflow.campaign.device.transitions", campaigns,
                                c -> c.deviceTransitions().getOrDefault(state, 0L))
                        .tag("to", state.name()).description("device transitions applied, by the state moved to")
                        .register(registry);
            }
        }
        if (jobs != null) {
            Gauge.builder("secflow.process.jobs", jobs, j -> j.createJobQuery().count()).tag("kind", "all")
                    .description("the process engine's jobs").register(registry);
            Gauge.builder("secflow.process.jobs", jobs, j -> j.createJobQuery().executable().count()).tag("kind", "executable")
                    .description("the process engine's jobs").register(registry);
            Gauge.builder("secflow.process.jobs", jobs, j -> j.createJobQuery().noRetriesLeft().count()).tag("kind", "failed")
                    .description("the process engine's jobs").register(registry);
        }
    }

    /** The registry (for meters of other parts). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The API's request meters. */
    public HttpMetrics http() {
        return http;
    }

    /**
     * Every meter in the Prometheus text format (version 0.0.4); reads the campaign devices by state from the store
     * first and adds a counter for each SRV and outcome decided since the last scrape.
     */
    public String scrape() {
        if (campaigns != null) {
            campaignDevices = new EnumMap<>(campaigns.unfinishedDevicesByState());
        }
        if (decisions != null) {
            for (DecisionCounts.Key key : decisions.snapshot().keySet()) {
                if (decisionMeters.add(key)) {
                    FunctionCounter.builder("secflow.service.request.decisions", decisions, d -> d.count(key))
                            .tag("srv", key.srv()).tag("outcome", key.outcome())
                            .description("Service Request decisions by SRV and outcome, as audited").register(registry);
                }
            }
        }
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
