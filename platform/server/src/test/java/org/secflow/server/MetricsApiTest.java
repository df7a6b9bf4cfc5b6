package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;

/**
 * {@code GET /api/metrics} over real HTTP: DCC operators and admins scrape it, a Supplier is refused; the Prometheus
 * text parses, and the counters move with the requests made (requests by route template, Service Request decisions,
 * rule evaluations) beside the pool, JVM, campaign, CSP and process-engine meters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)$");

    @TempDir
    static Path dir;

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir, TestServer.copyOfRules(dir), List.of(
                new SecflowConfig.UserEntry("supplier-token", "supplier", "Supplier", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                new SecflowConfig.UserEntry("operator-token", "operator", "Operator", "DCC", List.of(), List.of(PlatformRole.OPERATOR))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Every sample of a scrape, keyed {@code name{labels}}. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/metrics", "operator-token", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a Prometheus sample: " + line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> List.of(labels).stream().allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void countersMoveWithRequestsByRouteTemplateDecisionAndRuleEvaluation() throws Exception {
        // the server runs in this JVM: a collection before the first scrape leaves a function counter whose state only
        // it held (weakly) reading 0
        System.gc();
        Map<String, Double> before = scrape();
        String route = "route=\"/api/devices/{deviceId}\"";
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", "/api/devices/00-00-00-00-00-00-00-0" + i, "supplier-token", null).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> decided = server.send("POST", "/api/service-requests", "supplier-token",
                "{\"srv\": \"8.2\", \"deviceId\": \"00-00-00-00-00-00-00-01\"}");
        assertThat(decided.statusCode()).as(decided.body()).isIn(202, 422);
        String outcome = decided.statusCode() == 202 ? "ACCEPTED" : "REJECTED";

        Map<String, Double> after = scrape();
        assertThat(sum(after, "http_server_requests_seconds_count", route, "status=\"404\"", "method=\"GET\"")
                - sum(before, "http_server_requests_seconds_count", route, "status=\"404\"", "method=\"GET\""))
                .as("three reads counted under the route template, not the raw paths").isEqualTo(3.0);
        assertThat(after.keySet()).noneMatch(k -> k.contains("00-00-00-00-00-00-00-0"));
        assertThat(sum(after, "http_server_requests_seconds_count", "route=\"/api/metrics\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "secflow_service_request_decisions_total", "srv=\"8.2\"", "outcome=\"" + outcome + "\"")
                - sum(before, "secflow_service_request_decisions_total", "srv=\"8.2\"", "outcome=\"" + outcome + "\""))
                .isEqualTo(1.0);
        assertThat(sum(after, "secflow_rule_evaluation_seconds_count")).isGreaterThan(sum(before, "secflow_rule_evaluation_seconds_count"));
        assertThat(sum(after, "secflow_rule_evaluation_seconds_sum")).isPositive();

        assertThat(after).containsKey("secflow_csp_commands_in_flight");
        assertThat(after).containsKey("secflow_campaign_devices{state=\"SENT\"}");
        assertThat(after).containsKey("secflow_campaign_device_transitions_total{to=\"CONFIRMED\"}");
        assertThat(sum(after, "secflow_process_jobs", "kind=\"all\"")).isGreaterThanOrEqualTo(0);
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("secflow_process_jobs{kind=\"failed\""));
        assertThat(sum(after, "hikaricp_connections_max")).as("the connection pool's size").isPositive();
        assertThat(sum(after, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
        assertThat(sum(after, "jvm_threads_live_threads")).isPositive();
        assertThat(sum(after, "jvm_compilation_time_ms_total")).as("the JIT compilers' time").isPositive();
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(sum(after, "secflow_jit_cpu_time_seconds_total")).as("the JIT compiler threads' CPU (Linux)")
                    .isPositive().isLessThan(sum(after, "process_cpu_time_ns_total") / 1e9);
        }
    }

    @Test
    void onlyOperatorsAndAdminsScrapeIt() throws Exception {
        HttpResponse<String> supplier = server.send("GET", "/api/metrics", "supplier-token", null);
        assertThat(supplier.statusCode()).isEqualTo(403);
        assertThat(supplier.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(supplier.body()).doesNotContain("jvm_");
        HttpResponse<String> anonymous = server.sendUnchecked("GET", "/api/metrics", "", null);
        assertThat(anonymous.statusCode()).isIn(401);
    }
}
