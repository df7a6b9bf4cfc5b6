package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.ConsoleSignInConfig;
import org.secflow.server.config.OidcConfig;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiServer;
import org.secflow.server.http.Json;
import org.secflow.spi.Region;
import org.secflow.store.DatabaseSettings;

/**
 * The web console signs in through an identity provider, end to end in headless Chromium: a real secflow server
 * (real plugin jars, an emulated estate, HSQLDB) configured with {@code oidc} and {@code oidc.console}, and a test
 * identity provider over real HTTP on another port ({@link TestIdentityProvider}: discovery, a login form, the
 * authorization code grant with PKCE, RS256 tokens signed with Nimbus). The console reads its settings from
 * {@code GET /api/console/config}, discovers the provider's endpoints, redirects, exchanges the code from the browser
 * (cross-origin, allowed by the provider's web origin) and calls the API with the access token. A failing test
 * leaves a screenshot in target/console-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConsoleBrowser.ScreenshotOnFailure.class)
class ConsoleOidcSignInTest implements ConsoleBrowser.Driven {
    private static final String AUDIENCE = "secflow";
    private static final String CLIENT_ID = "secflow-console";

    @TempDir
    static Path dir;

    private TestIdentityProvider idp;
    private Platform platform;
    private Javalin app;
    private ConsoleBrowser browser;
    private String base;
    private String campaignOfA;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        idp = new TestIdentityProvider(AUDIENCE, List.of(
                new TestIdentityProvider.Account("alice", "90-B3-D5-1F-30-01-00-A1", "Alice, Supplier A release manager",
                        "SUPPLIER-A", List.of("IS", "GS")),
                new TestIdentityProvider.Account("bob", "90-B3-D5-1F-30-01-00-B1", "Bob, Supplier B release manager",
                        "SUPPLIER-B", List.of("IS", "GS"))));
        Path plugins = BuiltPlugins.copyInto(dir);
        Path rules = TestServer.copyOfRules(dir);
        Path bpmn = Files.createDirectories(dir.resolve("bpmn"));
        BuiltPlugins.copyFiles(Path.of(System.getProperty("secflow.bpmn", "../../bpmn")), bpmn);
        var oidc = new OidcConfig(idp.issuer(), AUDIENCE, idp.jwksUrl(), null, null, null, null, null,
                new ConsoleSignInConfig(CLIENT_ID, "Keycloak", null, null, null, null));
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 8),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator", Map.of()),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("SUPPLIER-A", "SUPPLIER-B")),
                null,
                List.of(new SecflowConfig.UserEntry("a", "supplier-a-1", "Supplier A release manager", "SUPPLIER-A",
                                List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("operator", "dcc-operations", "DCC operations", "DCC", List.of(),
                                List.of(PlatformRole.OPERATOR))),
                null, oidc);
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins, rules, bpmn));
        EstateCommand.generate(platform, 120, 21, false);
        app = ApiServer.create(platform).start(0);
        base = "http://localhost:" + app.port();
        idp.registerPublicClient(CLIENT_ID, base + "/", base);
        campaignOfA = createCampaignOfSupplierA();
        browser = new ConsoleBrowser(base, 1280, 800);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.stop();
        }
        if (platform != null) {
            platform.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser.driver().get(base + "/");
        js("sessionStorage.clear()");
        browser.driver().navigate().refresh();
    }

    @Test
    void theConsoleSettingsNameTheProviderAndTheClientAndNothingSecret() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/console/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode oidc = Json.MAPPER.readTree(r.body()).path("oidc");
        assertThat(oidc.path("issuer").asText()).isEqualTo(idp.issuer());
        assertThat(oidc.path("clientId").asText()).isEqualTo(CLIENT_ID);
        assertThat(oidc.path("providerName").asText()).isEqualTo("Keycloak");
        assertThat(oidc.path("scopes")).extracting(JsonNode::asText).containsExactly("openid", "profile");
        List<String> fields = new java.util.ArrayList<>();
        oidc.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("public settings only").containsExactly("issuer", "clientId", "providerName", "scopes",
                "authorizationEndpoint", "tokenEndpoint", "endSessionEndpoint");
        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("the rest of the API still needs a token").isEqualTo(401);
    }

    @Test
    void aSupplierSignsInThroughTheProviderOnALinkToItsCampaignAndLandsOnItWithNoTokenInTheAddress() {
        browser.open("/campaigns/" + campaignOfA);
        signInThroughProvider("alice");
        assertThat(browser.text(By.id("who"))).isEqualTo("Alice, Supplier A release manager");
        assertThat(browser.driver().getCurrentUrl()).as("the address after the redirect back")
                .doesNotContain("code=").doesNotContain("state=").doesNotContain("token");
        String token = (String) js("return sessionStorage.getItem('secflow.token')");
        assertThat(token).as("the access token kept in the tab's session storage").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(js("return localStorage.length")).as("nothing in local storage").isEqualTo(0L);
        // back on the page the link named, as the signed-in User
        browser.until(d -> d.findElement(By.id("campaign-state")).getText().trim().equals("AWAITING_APPROVAL"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/#/campaigns/" + campaignOfA);

        browser.open("/campaigns");
        browser.until(d -> d.findElement(By.cssSelector("#campaign-list [data-campaign='" + campaignOfA + "']")));
    }

    @Test
    void aSupplierSignedInThroughTheProviderDoesNotSeeAnotherSuppliersCampaign() {
        signInThroughProvider("bob");
        assertThat(browser.text(By.id("who"))).isEqualTo("Bob, Supplier B release manager");
        browser.open("/campaigns");
        browser.until(d -> d.findElement(By.id("campaign-list")));
        assertThat(browser.all(By.cssSelector("#campaign-list [data-campaign='" + campaignOfA + "']"))).isEmpty();
        browser.open("/campaigns/" + campaignOfA);
        String page = browser.until(d -> {
            String t = d.findElement(By.id("main")).getText();
            return t.contains("Not found") || t.contains("AWAITING_APPROVAL") ? t : null;
        });
        assertThat(page).as("Supplier A's campaign seen by Supplier B").contains("Not found").doesNotContain("AWAITING_APPROVAL");
    }

    @Test
    void anAnswerWithAnotherStateIsRefusedAndTheCodeIsNeverExchanged() {
        int before = idp.tokenRequests.get();
        browser.until(d -> d.findElement(By.id("signin-oidc"))).click();
        browser.until(d -> d.findElement(By.id("kc-login")));
        // the provider's answer comes back with a state this tab did not send (a forged or replayed answer)
        js("document.querySelector('input[name=state]').value = 'forged-state'");
        browser.driver().findElement(By.id("kc-login")).click();
        String refused = browser.text(By.id("signin-refused"));
        assertThat(refused).contains("refused").contains("state");
        assertThat(browser.all(By.id("who"))).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(js("return sessionStorage.getItem('secflow.token')")).isNull();
        assertThat(idp.tokenRequests.get()).as("token requests to the provider").isEqualTo(before);
    }

    @Test
    void anAnswerNoSignInOfThisTabStartedIsRefused() {
        browser.driver().get(base + "/?code=stolen-code&state=some-state");
        assertThat(browser.text(By.id("signin-refused"))).contains("No sign-in was started");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=");
        assertThat(browser.all(By.id("who"))).isEmpty();
    }

    @Test
    void signingOutForgetsTheTokensAndEndsTheSignInAtTheProvider() {
        signInThroughProvider("alice");
        String idToken = (String) js("return sessionStorage.getItem('secflow.oidc.idToken')");
        assertThat(idToken).isNotBlank();
        int ended = idp.endSessions.size();
        browser.driver().findElement(By.id("signout")).click();
        browser.until(d -> idp.endSessions.size() == ended + 1 && d.getCurrentUrl().startsWith(base)
                && !d.findElements(By.id("signin-oidc")).isEmpty());
        assertThat(idp.endSessions.get(ended)).as("id_token_hint").isEqualTo(idToken);
        assertThat(js("return sessionStorage.getItem('secflow.token')")).isNull();
        assertThat(js("return sessionStorage.getItem('secflow.oidc.idToken')")).isNull();
    }

    @Test
    void aPastedStaticTokenStillSignsIn() {
        browser.signIn("a");
        assertThat(browser.text(By.id("who"))).isEqualTo("Supplier A release manager");
    }

    /** From the sign-in page: "Sign in with Keycloak", the provider's login form, back in the console. */
    private void signInThroughProvider(String username) {
        var button = browser.until(d -> d.findElement(By.id("signin-oidc")));
        assertThat(button.getText()).isEqualTo("Sign in with Keycloak");
        browser.docs("sign-in-oidc");
        button.click();
        browser.until(d -> d.getCurrentUrl().startsWith(idp.issuer()));
        new Select(browser.until(d -> d.findElement(By.id("username")))).selectByVisibleText(username);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.until(d -> d.findElement(By.id("who")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }


    /** DCC operations register an image for Supplier A's most common PPMID model; Supplier A creates a campaign (awaiting approval). */
    private String createCampaignOfSupplierA() throws Exception {
        String model = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.model FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND d.alt_han_variant IS NULL AND p.import_supplier = 'SUPPLIER-A'
                 GROUP BY d.model ORDER BY COUNT(*) DESC, d.model""").mapTo(String.class).first());
        String sha = String.format("%064x", new java.math.BigInteger(1, (model + "9.9.0").getBytes()));
        var image = send("POST", "/api/firmware-images", "operator", """
                {"manufacturer": "M", "model": "%s", "version": "9.9.0", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(model, sha));
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        var r = send("POST", "/api/campaigns", "a", """
                {"name": "PPMID 9.9.0", "imageSha256": "%s", "selection": {"ppmids": true}, "waves": [100],
                 "successThresholdPercent": 50, "maxRetries": 1, "retryBackoffMs": 20, "deviceTimeoutMs": 60000}""".formatted(sha));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.MAPPER.readTree(r.body()).path("campaignId").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public ConsoleBrowser consoleBrowser() {
        return browser;
    }
}
