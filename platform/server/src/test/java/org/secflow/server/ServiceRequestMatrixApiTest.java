package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secflow.server.EmulatedDcc.lastResponse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secflow.rules.scenario.ScenarioCsv;

/**
 * One well-formed request of every SRV whose eligibility the DUIS Service Request matrix defines (all but 7.16, 8.5
 * and 8.6), by an eligible User to a device of a type the SRV targets, over real HTTP to a platform with the real
 * plugin jars: each ends COMPLETED, with a response of a GBCS use case the matrix names for that device type (DSP
 * for a non-device SRV the DSP answers itself, the SMI's answer for 8.2, 8.4 and 12.2) and the SRV's Critical flag.
 * Roles and targets come from the production rule table {@code rules/srv-applicability.drl.csv}; the use cases per
 * device type from the DSP's table {@code srv-routes.csv}, the matrix's target device notes written out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRequestMatrixApiTest {
    private static final Path RULES = Path.of(System.getProperty("secflow.rules", "../../rules"));
    private static final Path ROUTES = Path.of(System.getProperty("secflow.pluginModules", "../../plugins"))
            .resolve("dsp-reference/src/main/resources/org/secflow/plugins/dspreference/srv-routes.csv");
    /** The premises of the Energy Consumer who consented to OU-ENERGY-APP (rules/ou-consents.csv). */
    private static final String CONSENTED_MPAN = "1500000000015";

    @TempDir
    static Path dir;
    private EmulatedDcc dcc;
    private final Map<String, Integer> picks = new HashMap<>();

    /** An SRV of the rule table: its eligible roles, target types (DSP: any) and Critical flag. */
    record Srv(String srv, String name, List<String> roles, List<String> targets, boolean critical) {
        @Override
        public String toString() {
            return srv + " " + name;
        }
    }

    @BeforeAll
    void start() throws Exception {
        dcc = new EmulatedDcc(dir, Map.of("latencyMs", "0", "transferTimeMs", "0", "activationTimeMs", "0",
                "apcShare", "0.3", "hcalcsShare", "0.3", "prepaymentShare", "0.4"));
        dcc.platform().database().jdbi().useHandle(h -> h.createUpdate("""
                UPDATE premises SET mpan = :mpan WHERE premises_id = (SELECT MIN(premises_id) FROM premises
                 WHERE mpan IS NOT NULL AND region = 'NORTH')""").bind("mpan", CONSENTED_MPAN).execute());
    }

    @AfterAll
    void stop() {
        dcc.close();
    }

    static Stream<Arguments> srvs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(RULES.resolve("srv-applicability.drl.csv"))) {
            List<String> c = ScenarioCsv.cells(line);
            if (c.size() < 8 || !c.get(0).startsWith("SRV ") || c.get(1).equals("SRV")) {
                continue;
            }
            if (c.get(3).isBlank()) {
                continue; // 7.16, 8.5, 8.6: the matrix leaves eligibility blank
            }
            out.add(Arguments.of(new Srv(c.get(1), c.get(0).substring(4 + c.get(1).length()).trim(),
                    List.of(c.get(3).trim().split("\\s+")), List.of(c.get(6).trim().split("\\s+")),
                    c.get(4).trim().equalsIgnoreCase("Yes"))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "SRV {0}")
    @MethodSource("srvs")
    void endsCompletedWithAResponseOfTheMatrixGbcsUseCase(Srv srv) throws Exception {
        Map<String, List<String>> routes = routes(srv.srv());
        Target target = target(srv);
        Map<String, Object> payload = payload(srv, target);
        JsonNode view = dcc.run(target.token(), srv.srv(), target.role(), target.deviceId(), payload);
        assertThat(view.path("state").asText()).as("SRV %s by %s to %s %s: %s", srv, target.role(), target.type(),
                target.deviceId(), view).isEqualTo("COMPLETED");
        if (Set.of("8.2", "8.4", "12.2").contains(srv.srv())) {
            assertThat(view.path("response").isNull()).as("the SMI's answer to %s", srv).isFalse();
            return;
        }
        JsonNode response = lastResponse(view);
        List<String> expected = routes.containsKey("ANY") ? List.of("DSP") : routes.get(target.type());
        assertThat(expected).as("use cases of %s for a %s", srv, target.type()).isNotNull();
        assertThat(response.path("gbcsUseCase").asText()).as("%s", view).isIn(expected);
        assertThat(response.path("responseCode").asText()).isEqualTo("I0");
        assertThat(response.path("critical").asBoolean()).as("Critical flag of %s", srv).isEqualTo(srv.critical());
    }

    /** A device to send to, the User and the role. */
    record Target(String deviceId, String type, String role, String token) {
    }

    private Target target(Srv srv) {
        List<String> types = srv.targets().contains("DSP") ? List.of("ESME") : srv.targets();
        for (String type : types) {
            List<String> order = type.equals("GSME") || type.equals("GPF")
                    ? List.of("GS", "GT", "IS", "ES", "ED", "OU") : List.of("IS", "ES", "ED", "GS", "GT", "OU");
            for (String role : order) {
                if (!srv.roles().contains(role)) {
                    continue;
                }
                String condition = switch (role) {
                    case "IS", "ED" -> "p.mpan IS NOT NULL AND p.mpan <> '" + CONSENTED_MPAN + "'";
                    case "GS", "GT" -> "p.mprn IS NOT NULL";
                    case "ES" -> "p.export_mpan IS NOT NULL";
                    case "OU" -> "p.mpan = '" + CONSENTED_MPAN + "'";
                    default -> null;
                };
                if (condition == null) {
                    continue;
                }
                String extra = srv.srv().equals("11.4") ? " AND d.tcso_reclassified = FALSE" : "";
                List<Map<String, Object>> rows = dcc.platform().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT d.device_id, c.region FROM device d
                          JOIN comms_hub c ON c.device_id = COALESCE(d.comms_hub_id, d.device_id)
                          JOIN premises p ON p.premises_id = c.premises_id
                         WHERE d.device_type = :type AND %s%s ORDER BY d.device_id""".formatted(condition, extra))
                        .bind("type", type).mapToMap().list());
                if (rows.isEmpty()) {
                    continue;
                }
                int n = picks.merge(type + role, 1, Integer::sum);
                Map<String, Object> row = rows.get(n % rows.size());
                String region = String.valueOf(row.get("region")).toLowerCase(Locale.ROOT);
                String token = switch (role) {
                    case "ED" -> "ed-" + region;
                    case "GT" -> "gt-" + region;
                    case "OU" -> "ou";
                    default -> "supplier";
                };
                return new Target(String.valueOf(row.get("device_id")), type, role, token);
            }
        }
        throw new AssertionError("no device of " + types + " for an eligible role of " + srv.roles() + " (SRV " + srv + ")");
    }

    private Map<String, Object> payload(Srv srv, Target t) throws Exception {
        return switch (srv.srv()) {
            case "1.1.1", "1.1.2" -> Map.of("unitRatePence", "24.5", "standingChargePence", "55.1");
            case "1.2.1", "1.2.2" -> Map.of("unitRatePence", "23.9");
            case "1.5" -> Map.of("adjustmentPence", -200);
            case "1.6" -> Map.of("paymentMode", "Prepayment");
            case "2.2" -> Map.of("amountPence", 1000);
            case "2.3" -> Map.of("debtPence", 3000);
            case "3.1" -> Map.of("message", "Your meter will be read tomorrow");
            case "5.1" -> Map.of("scheduledSrv", "4.8.1", "intervalMs", 3_600_000);
            case "5.3" -> {
                JsonNode created = dcc.run(t.token(), "5.1", t.role(), t.deviceId(),
                        Map.of("scheduledSrv", "4.8.1", "intervalMs", 3_600_000));
                yield Map.of("scheduleId", created.path("requestId").asText());
            }
            case "6.20.1" -> Map.of("mpxn", "1234567890");
            case "6.20.2" -> Map.of("mpan", "1200000000012");
            case "7.3" -> {
                dcc.run(t.token(), "7.2", t.role(), t.deviceId(), Map.of());
                yield Map.of();
            }
            case "8.4" -> Map.of("firmwareVersion", "8.4.0-matrix");
            case "8.11" -> Map.of("hanDeviceId", "00-DB-00-00-00-00-0E-01", "hanDeviceType", "IHD");
            case "11.1", "11.4" -> Map.of("firmwareImageSha256", registerImage(t));
            case "12.2" -> {
                String hub = dcc.platform().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COALESCE(comms_hub_id, device_id) FROM device WHERE device_id = :id").bind("id", t.deviceId())
                        .mapTo(String.class).one());
                yield Map.of("deviceId", "00-DB-00-00-00-00-0E-12", "deviceType", "IHD", "manufacturer", "M",
                        "model", "IHD-1", "firmwareVersion", "1.0.0", "commsHubId", hub);
            }
            default -> Map.of();
        };
    }

    /** Registers an image for the target's model and type as DCC operations; returns its SHA-256. */
    private String registerImage(Target t) throws Exception {
        String model = dcc.platform().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT model FROM device WHERE device_id = :id").bind("id", t.deviceId()).mapTo(String.class).one());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((model + t.deviceId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var r = dcc.send("POST", "/api/firmware-images", "admin", """
                {"manufacturer": "M", "model": "%s", "version": "9.1.%d", "sha256": "%s", "applicableDeviceTypes": ["%s"]}"""
                .formatted(model, Math.abs(t.deviceId().hashCode() % 1000), sha, t.type()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return sha;
    }

    /** The DSP table's use cases per device type for an SRV ({@code ANY} for one the DSP or the SMI answers). */
    private static Map<String, List<String>> routes(String srv) throws IOException {
        for (String line : Files.readAllLines(ROUTES)) {
            List<String> c = ScenarioCsv.cells(line);
            if (c.get(0).equals(srv)) {
                Map<String, List<String>> out = new LinkedHashMap<>();
                for (String route : c.get(6).trim().split("\\s+")) {
                    String[] parts = route.split(":");
                    out.put(parts[0], List.of(parts[1].split("\\|")));
                }
                if (out.containsKey("CHF") && out.get("CHF").equals(List.of("DSP"))) {
                    return Map.of("ANY", List.of("DSP"));
                }
                return out;
            }
        }
        throw new AssertionError("SRV " + srv + " is not in " + ROUTES);
    }
}
