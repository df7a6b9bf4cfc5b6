package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.inventory.EstateLoader;
import org.secflow.server.config.SecflowConfig;
import org.secflow.spi.DeviceId;
import org.secflow.spi.DeviceType;
import org.secflow.spi.EmulatedCommsHub;
import org.secflow.spi.EmulatedDevice;
import org.secflow.spi.EmulatedPremises;
import org.secflow.spi.Region;

/**
 * At least 2,000 generated hostile requests over every route the running app has (listed from its router, so a new
 * route is covered without touching this test): wrong methods, hostile path and query values, bodies of random or
 * almost-right JSON with huge, negative, wrongly typed and over-long values, bogus Content-Types and charsets, every
 * User and none. No answer is a 5xx; no body carries a Java type name, a stack trace or a server path; a refused
 * request (4xx) changes no stored row.
 */
class HostileRequestsPropertyTest {
    private static final List<String> TOKENS = List.of("a", "operator", "finance", "analyst", "admin", "designer", "nobody", "");
    private static final List<String> FORBIDDEN = List.of("org.secflow", "com.fasterxml", "java.", "javax.", "org.camunda",
            "org.drools", "org.jdbi", "org.hsqldb", "\tat ", "Exception:");
    private static final List<String> TABLES = List.of("device", "premises", "firmware_image", "firmware_campaign",
            "campaign_device", "modification", "credit_party", "credit_invoice", "credit_support", "charge_estimate",
            "maintenance_schedule", "maintenance_window", "service_request");

    private static Path dir;
    private static TestServer server;
    private static List<String[]> routes;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("secflow-hostile");
        try (var bpmn = Files.list(Path.of(System.getProperty("secflow.bpmn", "../../bpmn")))) {
            for (Path f : bpmn.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        server = TestServer.start(dir, TestServer.copyOfRules(dir), List.of(
                new SecflowConfig.UserEntry("a", "a", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                new SecflowConfig.UserEntry("operator", "operator", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
                new SecflowConfig.UserEntry("finance", "finance", "DCC finance", "DCC", List.of(), List.of(PlatformRole.FINANCE)),
                new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST)),
                new SecflowConfig.UserEntry("designer", "designer", "Designer", "DCC", List.of(), List.of(PlatformRole.DESIGNER)),
                new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        try (EstateLoader loader = new EstateLoader(server.platform().database().jdbi(), Clock.systemUTC())) {
            loader.accept(new EmulatedPremises("1200000000001", null, Region.NORTH, "SUPPLIER-A", null,
                    new EmulatedCommsHub(new EmulatedDevice(DeviceId.of(0x0A00000000000101L), DeviceType.CHF, null, "M", "CH", "1", false, false), null, "1.1", "2.0"),
                    List.of(new EmulatedDevice(DeviceId.of(0x0A00000000000102L), DeviceType.ESME, null, "M", "E1", "1.0", false, false))));
        }
        routes = server.app().unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> new String[] {e.getEndpoint().getMethod().name(), e.getEndpoint().getPath()})
                .filter(r -> r[1].startsWith("/api/"))
                .filter(r -> !r[1].equals("/api/rules/reload") && !r[1].equals("/api/rules/rollback")
                        && !r[1].equals("/api/processes/reload")) // operator actions over files, not client input
                .toList();
        assertThat(routes).as("routes of the running app").hasSizeGreaterThan(40);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One generated request. */
    record Hostile(String method, String path, String contentType, String token, String body) {
        @Override
        public String toString() {
            return method + " " + path + " [" + contentType + ", " + token + "] " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF, seed = "4242")
    void noHostileRequestGetsAServerErrorLeaksInternalsOrChangesStateWhenRefused(@ForAll("requests") Hostile r) throws Exception {
        String before = fingerprint();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + r.path())).timeout(Duration.ofSeconds(30))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body()));
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        if (!r.token().isEmpty()) {
            b.header("Authorization", "Bearer " + r.token());
        }
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).as("%s -> %s", r, res.body()).isLessThan(500);
        for (String f : FORBIDDEN) {
            assertThat(res.body()).as("%s -> %s", r, res.body()).doesNotContain(f);
        }
        assertThat(res.body()).as("server path in %s", res.body()).doesNotContain(dir.toString());
        if (res.statusCode() >= 400) {
            assertThat(res.headers().firstValue("Content-Type").orElse("")).as("%s -> %s", r, res.body())
                    .startsWith("application/problem+json");
            assertThat(fingerprint()).as("rows after the refused %s", r).isEqualTo(before);
        }
    }

    /** Row counts of every feature table; a refused request leaves them as they were. */
    private static String fingerprint() {
        return server.platform().database().jdbi().withHandle(h -> TABLES.stream()
                .map(t -> {
                    try {
                        return t + "=" + h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one();
                    } catch (RuntimeException missing) {
                        return t + "=?";
                    }
                }).collect(Collectors.joining(",")));
    }

    @Provide
    Arbitrary<Hostile> requests() {
        Arbitrary<String[]> route = Arbitraries.of(routes);
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE")));
        return Combinators.combine(route, method, pathValue(), query(), contentType(), Arbitraries.of(TOKENS), body())
                .as((r, m, pathValue, q, type, token, body) -> new Hostile(m == null ? r[0] : m,
                        r[1].replaceAll("\\{[^}]+}", URLEncoder.encode(pathValue, StandardCharsets.UTF_8).replace("+", "%20")) + q,
                        type, token, r[0].equals("GET") && m == null ? null : body));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "null", "0", "-1", "2147483647", "-2147483648", "9223372036854775807", "1e400", "NaN",
                        "../../etc/passwd", "%00", "' OR '1'='1", "<script>", "\u0000", "\uD83D\uDE00", "DP1", "MP092", "8.2",
                        "0A-00-00-00-00-00-01-02", "SUPPLIER-A", "2025-02-30", "2025-13-01", "true", "false"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofMinLength(10_001).ofMaxLength(12_000),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    private static Arbitrary<String> pathValue() {
        return hostileText().map(s -> s.length() > 2_000 ? s.substring(0, 2_000) : s).filter(s -> !s.isEmpty() && !s.contains("/"));
    }

    private static Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.of("page", "size", "stage", "state", "type", "variant", "region", "from", "to",
                "firmwareVersion", "commsHubId", "asOf", "partyId", "model", "srv");
        Arbitrary<String> one = Combinators.combine(name, hostileText().map(s -> s.length() > 1_000 ? s.substring(0, 1_000) : s))
                .as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(Arbitraries.just(""), one.list().ofMinSize(1).ofMaxSize(3).map(l -> "?" + String.join("&", l)));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json", "application/json", "application/json; charset=utf-8",
                "application/json; charset=ebcdic", "application/json; charset=\"nonsense\"", "application/json; charset=",
                "text/plain", "application/xml", "multipart/form-data; boundary=x", null);
    }

    private static Arbitrary<String> body() {
        return Arbitraries.oneOf(jsonValue(3).map(HostileRequestsPropertyTest::write), documentedShape(), Arbitraries.of(
                "", "{", "[]", "null", "{\"a\":1}{", "{\"a\":1,}", "\"text\"", "{\"__proto__\": {}}", "{" + "\"a\":{".repeat(2_000)));
    }

    /** Bodies that look like the documented ones with one value hostile. */
    private static Arbitrary<String> documentedShape() {
        Arbitrary<String> field = Arbitraries.of("partyId", "name", "maximumCreditValue", "creditAssessmentScore", "amount",
                "amountIncVat", "invoiceId", "issuedOn", "dueOn", "estimatedOn", "instrumentId", "type", "srv", "deviceId",
                "deviceIds", "userRole", "reference", "title", "proposer", "raisedOn", "event", "month", "publishedOn", "windows",
                "imageSha256", "selection", "waves", "manufacturer", "model", "version", "sha256", "applicableDeviceTypes",
                "firmwareVersion", "status", "asOf", "maxRetries", "deviceTimeoutMs");
        return Combinators.combine(field.list().ofMinSize(1).ofMaxSize(5), jsonValue(2).list().ofSize(5))
                .as((names, values) -> {
                    StringBuilder s = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        s.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(write(values.get(i)));
                    }
                    return s.append('}').toString();
                });
    }

    private static Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                hostileText().map(s -> (Object) s),
                Arbitraries.of((Object) true, false, 0, -1, Integer.MAX_VALUE, Long.MIN_VALUE,
                        new java.math.BigDecimal("9.2e18"), new java.math.BigDecimal("1e20"), new java.math.BigDecimal("1e40"),
                        new java.math.BigDecimal("-0.001"), new java.math.BigDecimal("12.345")),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = jsonValue(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).list().ofMaxSize(4),
                jsonValue(depth - 1).list().ofSize(4)).as((k, v) -> {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < k.size(); i++) {
                        m.put(k.get(i), v.get(i));
                    }
                    return (Object) m;
                });
        return Arbitraries.oneOf(scalar, list, map);
    }

    private static String write(Object value) {
        try {
            return org.secflow.server.http.Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
