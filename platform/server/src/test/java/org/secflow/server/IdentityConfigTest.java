package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.server.config.OidcConfig;
import org.secflow.server.config.SecflowConfig;

/**
 * A configuration whose {@code users} or {@code oidc} section is wrong stops start-up with a message naming the
 * entry or key and the rule, before the database or any plugin is opened.
 */
class IdentityConfigTest {
    @TempDir
    Path dir;

    private static final String GOOD_HASH = "sha256$0123456789abcdef$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("secflow.yaml"), yaml);
    }

    private void startRefused(String usersYaml, String message) throws Exception {
        SecflowConfig config = SecflowConfig.read(file("users:\n" + usersYaml));
        RuntimePaths paths = new RuntimePaths(dir.resolve("data"), dir.resolve("plugins"), dir.resolve("rules"), dir.resolve("bpmn"));
        assertThatThrownBy(() -> Platform.forServing(config, paths).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(dir.resolve("data")).as("nothing opened").doesNotExist();
    }

    @Test
    void aMalformedTokenHashStopsStartUpNamingTheEntryAndTheFormat() throws Exception {
        startRefused("  - userId: ops\n    party: DCC\n    tokenHash: \"pbkdf2$1000$abc$def\"\n",
                "users[0] (userId ops): tokenHash must read sha256$<token id>$<salt>$<hash> (as 'secflow users token' prints it)");
        startRefused("  - userId: ops\n    party: DCC\n    tokenHash: \"sha256$0123456789abcdef$AAAA$AAAA\"\n",
                "users[0] (userId ops): tokenHash: the salt must be at least 16 bytes");
        startRefused("  - userId: ops\n    party: DCC\n    tokenHash: \"sha256$XYZ$AAAAAAAAAAAAAAAAAAAAAA$AAAA\"\n",
                "users[0] (userId ops): tokenHash: the token id must be 16 lower-case hex digits");
        startRefused("  - userId: ops\n    party: DCC\n    tokenHash: \"sha256$0123456789abcdef$!!$AAAA\"\n",
                "users[0] (userId ops): tokenHash: the salt and the hash must be base64url");
    }

    @Test
    void anEntryNeedsExactlyOneOfTokenAndTokenHashAndTokensMustDiffer() throws Exception {
        startRefused("  - userId: ops\n    party: DCC\n",
                "users[0] (userId ops): give exactly one of tokenHash (from 'secflow users token') and token (plain text, for demos)");
        startRefused("  - userId: ops\n    party: DCC\n    token: t\n    tokenHash: \"" + GOOD_HASH + "\"\n",
                "users[0] (userId ops): give exactly one of tokenHash (from 'secflow users token') and token (plain text, for demos)");
        startRefused("  - {userId: a, party: DCC, token: same}\n  - {userId: b, party: DCC, token: same}\n",
                "users[1] (userId b): another entry has the same token");
        startRefused("  - {userId: a, party: DCC, tokenHash: \"" + GOOD_HASH + "\"}\n  - {userId: b, party: DCC, tokenHash: \"" + GOOD_HASH + "\"}\n",
                "users[1] (userId b): another entry has a tokenHash with token id 0123456789abcdef");
        startRefused("  - {userId: a, token: t}\n", "users[0] (userId a): userId and party are required");
    }

    @Test
    void aWrongOidcSectionIsRefusedWhenTheFileIsReadNamingTheKey() throws Exception {
        String good = "oidc:\n  issuer: https://kc.example.org/realms/sec\n  audience: secflow\n"
                + "  jwksUrl: https://kc.example.org/realms/sec/protocol/openid-connect/certs\n";
        OidcConfig oidc = SecflowConfig.read(file(good)).oidc();
        assertThat(oidc.algorithms()).containsExactly("RS256", "ES256");
        assertThat(oidc.clockSkewSeconds()).isEqualTo(60);
        assertThat(oidc.claims().userId()).isEqualTo("sub");
        assertThat(oidc.claims().party()).isEqualTo("party");

        assertThatThrownBy(() -> SecflowConfig.read(file("oidc:\n  audience: secflow\n  jwksUrl: https://kc/certs\n")))
                .hasMessageContaining("oidc.issuer is missing").hasMessageContaining("(line ");
        assertThatThrownBy(() -> SecflowConfig.read(file(good.replace("  audience: secflow\n", ""))))
                .hasMessageContaining("oidc.audience is missing");
        assertThatThrownBy(() -> SecflowConfig.read(file(good.replace("https://kc.example.org/realms/sec/protocol", "ftp://kc.example.org/realms/sec/protocol"))))
                .hasMessageContaining("oidc.jwksUrl must be an http or https URL with a host");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  algorithms: [RS256, HS256]\n")))
                .hasMessageContaining("oidc.algorithms: HS256 is not accepted");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  algorithms: [none]\n")))
                .hasMessageContaining("oidc.algorithms: none is not accepted");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  clockSkewSeconds: 3600\n")))
                .hasMessageContaining("oidc.clockSkewSeconds must be 0 to 300");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  jwksCacheSeconds: 20\n  jwksRefetchMinSeconds: 30\n")))
                .hasMessageContaining("oidc.jwksRefetchMinSeconds must be 0 or more and below oidc.jwksCacheSeconds (20)");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  audiences: [x]\n")))
                .hasMessageContaining("audiences");
    }

    @Test
    void theConsoleSectionOfOidcIsReadWithDefaultsAndAWrongOneIsRefusedNamingTheKey() throws Exception {
        String good = "oidc:\n  issuer: https://kc.example.org/realms/sec\n  audience: secflow\n"
                + "  jwksUrl: https://kc.example.org/realms/sec/protocol/openid-connect/certs\n";
        assertThat(SecflowConfig.read(file(good)).oidc().console()).as("no console section").isNull();
        var console = SecflowConfig.read(file(good + "  console:\n    clientId: secflow-console\n")).oidc().console();
        assertThat(console.clientId()).isEqualTo("secflow-console");
        assertThat(console.providerName()).isEqualTo("identity provider");
        assertThat(console.scopes()).containsExactly("openid", "profile");
        assertThat(console.authorizationEndpoint()).isNull();

        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  console:\n    providerName: Keycloak\n")))
                .hasMessageContaining("oidc.console.clientId is missing");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  console:\n    clientId: c\n    scopes: [profile]\n")))
                .hasMessageContaining("oidc.console.scopes must contain openid");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  console:\n    clientId: c\n"
                + "    authorizationEndpoint: https://kc.example.org/auth\n")))
                .hasMessageContaining("oidc.console.authorizationEndpoint and oidc.console.tokenEndpoint are given together");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  console:\n    clientId: c\n"
                + "    authorizationEndpoint: javascript:alert(1)\n    tokenEndpoint: https://kc.example.org/token\n")))
                .hasMessageContaining("oidc.console.authorizationEndpoint must be an http or https URL");
        assertThatThrownBy(() -> SecflowConfig.read(file(good + "  console:\n    clientId: c\n    clientSecret: s\n")))
                .hasMessageContaining("clientSecret");
    }

    @Test
    void theBuiltInConfigurationKeepsItsReadableDemoTokensAndNoIdentityProvider() {
        SecflowConfig config = SecflowConfig.builtIn();
        assertThat(config.oidc()).isNull();
        assertThat(config.users()).allSatisfy(u -> {
            assertThat(u.token()).startsWith("demo-");
            assertThat(u.tokenHash()).isNull();
        });
    }
}
