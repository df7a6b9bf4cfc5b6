package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.server.config.SecflowConfig;
import picocli.CommandLine;

/**
 * Hashed static tokens end to end: {@code secflow users token} prints a token and the YAML; that YAML, pasted into a
 * configuration file beside a plain demo token, starts a real server that knows the token over real HTTP.
 */
class StaticTokenApiTest {
    @TempDir
    Path dir;

    /** Runs {@code secflow <args>} as the command line would, returning what it printed. */
    private static List<String> secflow(String... args) {
        StringWriter out = new StringWriter();
        int rc = new CommandLine(new SecflowCli()).setOut(new PrintWriter(out)).execute(args);
        assertThat(rc).as(out.toString()).isZero();
        return out.toString().lines().toList();
    }

    /** The token line: the one printed line that starts with the token prefix. */
    private static String tokenOf(List<String> printed) {
        return printed.stream().map(String::strip).filter(l -> l.startsWith("secflow_")).reduce((a, b) -> {
            throw new AssertionError("two tokens printed");
        }).orElseThrow();
    }

    /** The YAML block: every line after the last blank line that follows the "Add"/"Put" instruction. */
    private static List<String> yamlOf(List<String> printed) {
        int at = printed.size();
        while (at > 0 && !printed.get(at - 1).isBlank()) {
            at--;
        }
        return new ArrayList<>(printed.subList(at, printed.size()));
    }

    @Test
    void theYamlPrintedByUsersTokenLetsItsTokenInAndNothingElseWhilePlainDemoTokensStillWork() throws Exception {
        // a whole entry (with --user-id) and the tokenHash line alone (for an existing entry)
        List<String> printed = secflow("users", "token", "--user-id", "90-B3-D5-1F-30-01-00-0A", "--name", "Supplier A \"ops\"",
                "--party", "SUPPLIER-A", "--dcc-user-roles", "IS,GS");
        String token = tokenOf(printed);
        List<String> entry = yamlOf(printed);
        assertThat(String.join("\n", entry)).contains("tokenHash: \"sha256$").doesNotContain(token.substring(25));

        List<String> printedLine = secflow("users", "token");
        String adminToken = tokenOf(printedLine);
        List<String> line = yamlOf(printedLine);
        assertThat(line).hasSize(1);
        assertThat(line.get(0)).matches(" {4}tokenHash: \"sha256\\$[0-9a-f]{16}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}\"");

        Path file = dir.resolve("secflow.yaml");
        Files.writeString(file, "users:\n" + String.join("\n", entry) + "\n"
                + "  - userId: admin\n    party: DCC\n    platformRoles: [ADMIN]\n" + line.get(0) + "\n"
                + "  - token: demo-supplier-b\n    userId: \"90-B3-D5-1F-30-01-00-0B\"\n    party: SUPPLIER-B\n    dccUserRoles: [IS, GS]\n");
        SecflowConfig config = SecflowConfig.read(file);
        assertThat(config.users().get(0).name()).isEqualTo("Supplier A \"ops\"");

        try (TestServer server = TestServer.start(dir, Path.of(System.getProperty("secflow.rules", "../../rules")), config.users())) {
            var ok = server.send("GET", "/api/service-requests", token, null);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(server.platform().userForToken(token).party()).isEqualTo("SUPPLIER-A");
            assertThat(server.platform().userForToken(token).dccUserRoles()).containsExactlyInAnyOrder(DccUserRole.IS, DccUserRole.GS);
            assertThat(server.send("GET", "/api/service-requests", adminToken, null).statusCode()).isEqualTo(200);
            assertThat(server.platform().userForToken(adminToken).userId()).isEqualTo("admin");

            // the same token id with another secret, a cut token, and the stored hash itself are all unknown
            char last = token.charAt(token.length() - 1);
            String wrong = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
            String hashLine = entry.get(0).strip();
            for (String t : List.of(wrong, token.substring(0, token.length() - 1), hashLine.substring(hashLine.indexOf('"') + 1, hashLine.length() - 1))) {
                var r = server.send("GET", "/api/service-requests", t, null);
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
                assertThat(r.body()).contains("the bearer token is unknown");
            }

            assertThat(server.send("GET", "/api/service-requests", "demo-supplier-b", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void twoRunsNeverPrintTheSameTokenOrTokenId() {
        String a = tokenOf(secflow("users", "token"));
        String b = tokenOf(secflow("users", "token"));
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(0, 24)).isNotEqualTo(b.substring(0, 24));
    }
}
