package org.secflow.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.PlatformRole;
import org.secflow.server.Platform;
import org.secflow.server.RuntimePaths;
import org.secflow.server.config.SecflowConfig;
import org.secflow.store.DatabaseSettings;
import org.secflow.testkit.PluginJarBuilder;

/** Over HTTP: a plugin built for another SPI major is listed as refused, with the reason. */
class PluginsApiTest {
    @TempDir
    Path dir;

    @Test
    void listsAPluginBuiltForAnIncompatibleSpiVersionAsRefusedWithTheReason() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJarBuilder.fixture("incompatible-spi").buildInto(plugins);
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 2),
                new SecflowConfig.Plugins(null, Map.of(), null, Map.of()), null, null, null,
                List.of(new SecflowConfig.UserEntry("admin", "admin", "Admin", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        try (Platform platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins,
                Path.of(System.getProperty("secflow.rules", "../../rules")), dir))) {
            Javalin app = ApiServer.create(platform).start(0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/api/plugins")).header("Authorization", "Bearer admin").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode plugin = Json.MAPPER.readTree(r.body()).path(0);
                assertThat(plugin.path("id").asText()).isEqualTo("csp-future");
                assertThat(plugin.path("state").asText()).isEqualTo("REFUSED");
                assertThat(plugin.path("spiVersion").asText()).isEqualTo("2.0");
                assertThat(plugin.path("reason").asText()).contains("incompatible SPI version").contains("2.0").contains(org.secflow.spi.SpiVersion.CURRENT);
            } finally {
                app.stop();
            }
        }
    }
}
