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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.ApiServer;
import org.secflow.server.http.Json;
import org.secflow.spi.Region;
import org.secflow.store.DatabaseSettings;

/**
 * The web console end to end in headless Chromium (Debian's chromium and chromedriver): the real server with the
 * console's built files on its classpath, the real plugin jars, bpmn/ and rules/ (copies a test may change), an
 * emulated estate, a real HSQLDB. Every step goes through the pages as a User would; the API is called directly
 * only to set up what a scenario starts from. A failing test leaves a screenshot in target/console-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConsoleBrowser.ScreenshotOnFailure.class)
class ConsoleBrowserTest implements ConsoleBrowser.Driven {
    @TempDir
    static Path dir;

    private Platform platform;
    private Javalin app;
    private ConsoleBrowser browser;
    private Path rules;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        ConsoleBrowser.requireInstalled();
        Path plugins = BuiltPlugins.copyInto(dir);
        rules = TestServer.copyOfRules(dir);
        Path bpmn = Files.createDirectories(dir.resolve("bpmn"));
        BuiltPlugins.copyFiles(Path.of(System.getProperty("secflow.bpmn", "../../bpmn")), bpmn);
        // each device takes about 5 s (transfer, activation): a wave runs long enough to be paused from a page
        var emulator = Map.of("altHanShare", "0.3", "latencyMs", "5", "transferTimeMs", "2500", "activationTimeMs", "2500",
                "fileTransferFailureRate", "0", "lowBatteryRate", "0", "activationFailureRate", "0");
        var config = new SecflowConfig(
                new SecflowConfig.Database("jdbc:hsqldb:mem:" + UUID.randomUUID() + DatabaseSettings.HSQLDB_OPTIONS, "SA", "", 8),
                new SecflowConfig.Plugins("dsp-reference",
                        BuiltPlugins.CSPS,
                        "device-emulator",
                        Map.of("device-emulator", emulator, "csp-north", Map.of("latencyMs", "5"),
                                "csp-central-south", Map.of("latencyMs", "5"))),
                null,
                new SecflowConfig.Estate(List.of("SUPPLIER-A", "SUPPLIER-B"), List.of("SUPPLIER-A", "SUPPLIER-B")),
                null,
                List.of(new SecflowConfig.UserEntry("a", "supplier-a-1", "Supplier A release manager", "SUPPLIER-A", List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("a2", "supplier-a-2", "Supplier A approver", "SUPPLIER-A", List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("b", "supplier-b-1", "Supplier B release manager", "SUPPLIER-B", List.of(DccUserRole.IS, DccUserRole.GS), List.of()),
                        new SecflowConfig.UserEntry("designer", "secas-designer", "Workflow designer", "SECAS", List.of(), List.of(PlatformRole.DESIGNER)),
                        new SecflowConfig.UserEntry("analyst", "secas-analyst", "Rules analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST)),
                        new SecflowConfig.UserEntry("secas", "secas-code-administrator", "SECAS", "SECAS", List.of(), List.of(),
                                List.of("secas", "csc", "working-group")),
                        new SecflowConfig.UserEntry("panel", "sec-panel", "SEC Panel", "SEC-PANEL", List.of(), List.of(), List.of("panel")),
                        new SecflowConfig.UserEntry("operator", "dcc-operations", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
                        new SecflowConfig.UserEntry("admin", "admin", "Administrator", "DCC", List.of(), List.of(PlatformRole.ADMIN))));
        platform = Platform.forServing(config, new RuntimePaths(dir.resolve("data"), plugins, rules, bpmn));
        EstateCommand.generate(platform, 400, 21, false);
        app = ApiServer.create(platform).start(0);
        browser = new ConsoleBrowser("http://localhost:" + app.port(), 1280, 800);
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
    }


    // ---- scenario 1: a Supplier creates a campaign, a second User approves it, it completes; pause and resume

    @Test
    void aSupplierCreatesACampaignASecondUserApprovesItAndItsPageShowsItComplete() throws Exception {
        String sha = registerImage("9.1.0");
        browser.signIn("a");
        browser.docs("campaigns");
        browser.open("/campaigns/new");
        browser.until(d -> d.findElement(By.name("name"))).sendKeys("PPMID 9.1.0 from the console");
        browser.until(d -> new Select(d.findElement(By.name("imageSha256"))).getOptions().size() > 1);
        new Select(browser.driver().findElement(By.name("imageSha256"))).selectByValue(sha);
        replace(By.name("waves"), "50, 50");
        replace(By.name("successThresholdPercent"), "50");
        replace(By.name("retryBackoffMs"), "20");
        replace(By.name("deviceTimeoutMs"), "60000");
        browser.docs("campaign-new");
        browser.driver().findElement(By.cssSelector("#campaign-form button[type=submit]")).click();

        browser.until(d -> d.getCurrentUrl().matches(".*#/campaigns/[0-9a-f-]{36}$"));
        String id = browser.driver().getCurrentUrl().replaceAll(".*#/campaigns/", "");
        await(Duration.ofSeconds(30), d -> hasText(By.id("campaign-state"), "AWAITING_APPROVAL"));
        assertThat(browser.all(By.id("campaign-approve"))).as("the creator is offered no approval").isEmpty();
        assertThat(browser.text(By.id("campaign-waiting"))).contains("approval by a second User of SUPPLIER-A");

        browser.signIn("a2");
        browser.open("/campaigns/" + id);
        browser.until(d -> d.findElement(By.id("campaign-approve"))).click();
        await(Duration.ofSeconds(90), d -> hasText(By.id("campaign-state"), "COMPLETED"));

        JsonNode view = json(send("GET", "/api/campaigns/" + id, "a", null));
        long confirmed = view.path("counts").path("CONFIRMED").asLong();
        assertThat(confirmed).as("devices confirmed by the emulated estate").isPositive();
        String shown = browser.until(d -> rowValue("By state", "CONFIRMED"));
        assertThat(shown).isEqualTo(String.valueOf(confirmed));
        assertThat(browser.text(By.id("campaign-final"))).isEqualTo(String.valueOf(view.path("devices").asLong()));
        browser.until(d -> d.findElement(By.cssSelector(".chart canvas")));
        browser.until(d -> d.findElement(By.cssSelector(".diagram-canvas svg .djs-element.secflow-passed")));
        new Select(browser.driver().findElement(By.name("device-state"))).selectByValue("CONFIRMED");
        browser.until(d -> d.findElements(By.cssSelector("#campaign-devices tbody tr")).size() == Math.min(50, confirmed)
                && d.findElements(By.cssSelector("#campaign-devices tbody tr")).stream().allMatch(r -> r.getText().contains("CONFIRMED")));
        browser.docs("campaign-completed");
    }

    @Test
    void aRunningCampaignIsPausedAndResumedFromItsPage() throws Exception {
        String sha = registerImage("9.2.0");
        String id = createCampaign(sha, "[10, 90]");
        browser.signIn("a");
        browser.open("/campaigns/" + id);
        await(Duration.ofSeconds(30), d -> hasText(By.id("campaign-state"), "AWAITING_APPROVAL"));
        assertThat(send("POST", "/api/campaigns/" + id + "/approve", "a2", null).statusCode()).isEqualTo(200);

        browser.until(Duration.ofSeconds(60), d -> d.findElement(By.id("campaign-pause")));
        browser.until(d -> d.findElement(By.cssSelector(".tag.active-element")));
        browser.driver().findElement(By.id("campaign-pause")).click();
        await(Duration.ofSeconds(30), d -> hasText(By.id("campaign-state"), "PAUSED"));
        assertThat(browser.text(By.id("campaign-waiting"))).contains("paused on demand by supplier-a-1");
        browser.docs("campaign-paused");

        browser.until(d -> d.findElement(By.id("campaign-resume"))).click();
        await(Duration.ofSeconds(30), d -> !hasText(By.id("campaign-state"), "PAUSED"));
        await(Duration.ofSeconds(120), d -> hasText(By.id("campaign-state"), "COMPLETED"));
        assertThat(json(send("GET", "/api/campaigns/" + id, "a", null)).path("counts").path("CONFIRMED").asLong()).isPositive();
    }

    // ---- scenario 2: the firmware-campaign process with its instance counts

    @Test
    void theFirmwareCampaignProcessShowsTheInstancesWaitingOnEachActivity() throws Exception {
        createCampaign(registerImage("9.3.0"), "[100]");
        long waiting = json(send("GET", "/api/processes/firmware-campaign/diagram", "designer", null))
                .path("activities").path("approveCampaign").path("instances").asLong();
        assertThat(waiting).as("campaigns awaiting approval").isPositive();

        browser.signIn("designer");
        browser.open("/processes");
        browser.until(d -> d.findElement(By.cssSelector("#process-list a[href='#/processes/firmware-campaign']"))).click();
        // read within the wait: the diagram's overlays may be drawn again after they first appear (a stale element)
        String count = browser.until(d -> d.findElement(By.cssSelector(".djs-overlay .bpmn-count[data-activity='approveCampaign']")).getText());
        assertThat(count).isEqualTo(String.valueOf(waiting));
        assertThat(browser.all(By.cssSelector(".bjs-powered-by"))).as("the bpmn.io watermark").isNotEmpty();
        browser.docs("process");

        // a file saved by a modeller, with a sequence flow to no element: refused at its line, column and element
        Path upload = Files.createDirectories(dir.resolve("uploads")).resolve("firmware-campaign.bpmn");
        Files.writeString(upload, Files.readString(dir.resolve("bpmn/firmware-campaign.bpmn"))
                .replaceFirst("targetRef=\"([A-Za-z]+)\"", "targetRef=\"noSuchElement\""));
        browser.open("/processes");
        browser.until(d -> d.findElement(By.name("bpmn-file"))).sendKeys(upload.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#deploy-form button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector(".problem .error-row")));
        List<List<String>> rows = browser.all(By.cssSelector(".problem .error-row")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(rows).anySatisfy(cells -> {
            assertThat(cells.get(0)).isEqualTo("firmware-campaign.bpmn");
            assertThat(Integer.parseInt(cells.get(1))).as("line").isPositive();
            assertThat(Integer.parseInt(cells.get(2))).as("column").isPositive();
            assertThat(cells.get(3)).as("element").isEqualTo("f1");
            assertThat(cells.get(4)).contains("noSuchElement");
        });
        assertThat(Files.readString(dir.resolve("bpmn/firmware-campaign.bpmn"))).as("the folder's file is left as it was")
                .doesNotContain("noSuchElement");
        JsonNode listed = json(send("GET", "/api/processes", "designer", null));
        assertThat(listed.path("definitions")).filteredOn(d -> d.path("key").asText().equals("firmware-campaign")).hasSize(1);
        browser.docs("process-refused");
    }

    // ---- scenario 3: SECAS records an event, the Panel completes a task, the page shows the new stage

    @Test
    void secasRecordsAnEventAndThePanelCompletesItsTaskAndThePageShowsTheNewStage() throws Exception {
        assertThat(send("POST", "/api/modifications", "secas",
                "{\"reference\":\"DP901\",\"title\":\"Console test change\",\"proposer\":\"DCC\",\"raisedOn\":\"2021-06-16\"}").statusCode()).isEqualTo(201);
        // the Panel converts the Draft Proposal and sets its path (SEC D: the Panel's step) by completing its task
        browser.signIn("panel");
        browser.open("/modifications/DP901");
        await(Duration.ofSeconds(30), d -> hasText(By.id("modification-stage"), "DRAFT_PROPOSAL"));
        browser.until(d -> d.findElement(By.cssSelector("[data-task='draftProposal'] button"))).click();
        WebElement converting = browser.until(d -> d.findElement(By.cssSelector("[data-task='draftProposal'] form")));
        setValue(converting.findElement(By.name("date")), "2021-07-27");
        new Select(converting.findElement(By.name("path"))).selectByValue("SELF_GOVERNANCE");
        converting.findElement(By.cssSelector("button[type=submit]")).click();
        await(Duration.ofSeconds(30), d -> hasText(By.id("modification-stage"), "REFINEMENT"));
        assertThat(browser.text(By.id("modification-timeline"))).contains("CONVERTED_TO_MODIFICATION_PROPOSAL");

        // SECAS records the Modification Report's approval with the event form
        browser.signIn("secas");
        browser.open("/modifications/DP901");
        await(Duration.ofSeconds(30), d -> hasText(By.id("modification-stage"), "REFINEMENT"));
        new Select(browser.until(d -> d.findElement(By.cssSelector("#event-form select[name=type]")))).selectByValue("MODIFICATION_REPORT_APPROVED");
        setValue(browser.driver().findElement(By.cssSelector("#event-form input[name=date]")), "2022-05-10");
        browser.driver().findElement(By.cssSelector("#event-form input[name=body]")).sendKeys("Panel");
        browser.driver().findElement(By.cssSelector("#event-form button[type=submit]")).click();
        await(Duration.ofSeconds(30), d -> hasText(By.id("modification-stage"), "REPORT_PHASE"));
        assertThat(browser.text(By.id("modification-timeline"))).contains("MODIFICATION_REPORT_APPROVED");

        // the Change Board's vote, recorded by SECAS for it (the Panel may not record a vote: 403 over the API)
        assertThat(send("POST", "/api/modifications/DP901/events", "panel",
                "{\"type\":\"CHANGE_BOARD_VOTE\",\"date\":\"2022-05-20\",\"outcome\":\"APPROVED\"}").statusCode()).isEqualTo(403);
        browser.until(d -> d.findElement(By.cssSelector("[data-task='reportPhase'] button"))).click();
        WebElement form = browser.until(d -> d.findElement(By.cssSelector("[data-task='reportPhase'] form")));
        setValue(form.findElement(By.name("date")), "2022-05-20");
        new Select(form.findElement(By.name("outcome"))).selectByValue("APPROVED");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(Duration.ofSeconds(30), d -> hasText(By.id("modification-stage"), "APPEAL_WINDOW"));
        assertThat(browser.text(By.id("modification-timeline"))).contains("CHANGE_BOARD_VOTE");
        browser.until(d -> d.findElement(By.cssSelector(".diagram-canvas svg .djs-element.secflow-active")));
        JsonNode view = json(send("GET", "/api/modifications/DP901", "panel", null));
        assertThat(view.path("stage").asText()).isEqualTo("APPEAL_WINDOW");
        assertThat(browser.driver().findElement(By.cssSelector(".facts")).getText()).contains("Appeal window ends");
        browser.docs("modification");
    }

    // ---- scenario 4: a broken rule file is refused with file and line; the scenario cases run

    @Test
    void aBrokenRuleFileIsShownAtFileAndLineAndTheScenarioCasesRun() throws Exception {
        Path broken = rules.resolve("console-broken.drl");
        Files.writeString(broken, """
                package org.secflow.rules;

                rule "console-broken"
                when
                    this is not a pattern
                then
                end
                """);
        browser.signIn("analyst");
        browser.open("/rules");
        try {
            browser.until(d -> d.findElement(By.id("rules-reload"))).click();
            WebElement row = browser.until(d -> d.findElement(By.cssSelector("#reload-result .error-row")));
            JsonNode refused = json(send("GET", "/api/rules", "analyst", null)).path("lastRefused").path("errors").get(0);
            assertThat(refused.path("file").asText()).isEqualTo("console-broken.drl");
            assertThat(refused.path("line").asInt()).isPositive();
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("console-broken.drl");
            assertThat(cells.get(1).getText()).isEqualTo(refused.path("line").asText());
            browser.until(d -> d.findElement(By.id("last-refused")).getText().contains("console-broken.drl"));
            browser.docs("rules-refused");
        } finally {
            Files.delete(broken);
        }
        browser.driver().findElement(By.id("rules-scenarios")).click();
        String summary = browser.until(d -> {
            String t = d.findElement(By.id("scenario-result")).getText();
            return t.matches("(?s).*\\d+ passed, \\d+ failed.*") ? t : null;
        });
        assertThat(summary).containsPattern("[1-9]\\d* passed, 0 failed");

        browser.open("/rules/files/srv-applicability.drl.csv");
        browser.until(d -> d.findElements(By.cssSelector("#rule-table tbody tr")).size() > 100);
        assertThat(browser.driver().findElement(By.id("rule-table")).getText()).contains("SRV 8.2");
        browser.docs("decision-table");
    }

    // ---- scenario 5: Supplier B does not see Supplier A's campaign anywhere. It relies on the API's access model
    // (another Party's campaign answers 404 exactly like a missing one, lists are filtered by Party): the console
    // shows only what the API returns to the User's token and filters nothing itself.

    @Test
    void supplierBSeesSupplierAsCampaignNowhereInTheConsole() throws Exception {
        String id = createCampaign(registerImage("9.4.0"), "[100]");
        browser.signIn("b");
        browser.open("/campaigns/" + UUID.randomUUID());
        assertThat(browser.until(d -> d.findElement(By.cssSelector("#main .problem"))).getText())
                .as("a missing campaign's page").contains("Not found");

        browser.open("/campaigns");
        browser.until(d -> d.findElement(By.id("campaign-list")));
        assertThat(browser.all(By.cssSelector("#campaign-list [data-campaign='" + id + "']"))).as("Supplier B's campaign list").isEmpty();
        browser.open("/campaigns/" + id);
        String page = browser.until(d -> {
            String t = d.findElement(By.id("main")).getText();
            return t.contains("Not found") || t.contains("AWAITING_APPROVAL") ? t : null;
        });
        assertThat(page).as("Supplier A's campaign page seen by Supplier B").contains("Not found").doesNotContain("AWAITING_APPROVAL");
        browser.open("/processes/firmware-campaign");
        browser.until(d -> d.findElement(By.cssSelector(".diagram-canvas svg")));
        assertThat(browser.driver().findElement(By.id("main")).getText()).doesNotContain(id);
    }

    // ---- every page renders for its User, at 1280x800 and at tablet width

    @Test
    void everyPageRendersWithoutAProblemAtDesktopAndTabletWidth() throws Exception {
        browser.driver().get("http://localhost:" + app.port() + "/");
        ((JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear()");
        browser.driver().navigate().refresh();
        browser.until(d -> d.findElement(By.id("token")));
        browser.docs("sign-in");
        HttpResponse<String> published = send("POST", "/api/maintenance/schedules", "admin", """
                {"month": "2027-03", "publishedOn": "2027-01-15", "windows": [
                  {"id": "W1", "start": "2027-03-02T22:00", "end": "2027-03-02T23:30", "disrupts": ["END_TO_END_COMMUNICATIONS"],
                   "consumerAffecting": false, "description": "CSP North head-end software upgrade"},
                  {"id": "W2", "start": "2027-03-09T22:00", "end": "2027-03-09T23:00", "disrupts": ["SELF_SERVICE_INTERFACE"],
                   "consumerAffecting": false, "description": "Self-Service Interface database maintenance"}]}""");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        browser.signIn("admin");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/campaigns", "#campaign-list");
        pages.put("/processes", "#process-list");
        pages.put("/modifications", "#modification-list");
        pages.put("/tasks", "main h1");
        pages.put("/rules", "#rule-files");
        pages.put("/service-requests", "#audit");
        pages.put("/maintenance?month=2027-03", "#maintenance-month .window.impact-HIGH");
        pages.put("/credit-cover", "#assessments");
        pages.put("/system", "#plugins");
        for (int[] size : new int[][] {{1280, 800}, {820, 1180}}) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            for (var p : pages.entrySet()) {
                browser.open(p.getKey());
                browser.until(d -> d.findElement(By.cssSelector(p.getValue())));
                assertThat(browser.all(By.cssSelector(".problem"))).as("problems on " + p.getKey()).isEmpty();
                long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow).as("horizontal overflow of " + p.getKey() + " at " + size[0] + " px").isLessThanOrEqualTo(0);
                if (size[0] == 1280) {
                    browser.docs(p.getKey().substring(1).replaceAll("\\?.*", ""));
                }
            }
        }
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    // ---- helpers

    /** Waits until {@code condition} holds; fails with the page's screenshot after {@code timeout}. */
    private void await(Duration timeout, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.until(timeout, condition);
    }

    private void replace(By by, String value) {
        WebElement e = browser.until(d -> d.findElement(by));
        e.clear();
        e.sendKeys(value);
    }

    /** Sets a date input as a picker would (its text format depends on the browser's locale). */
    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    private boolean hasText(By by, String text) {
        return browser.driver().findElement(by).getText().trim().equals(text);
    }

    /** The number in the row {@code key} of the count table captioned {@code caption}, or null. */
    private String rowValue(String caption, String key) {
        for (WebElement table : browser.all(By.cssSelector("table.counts"))) {
            if (table.findElement(By.tagName("caption")).getText().equals(caption)) {
                for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
                    List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
                    if (cells.size() == 2 && cells.get(0).getText().equals(key)) {
                        return cells.get(1).getText();
                    }
                }
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** DCC operations register an image (BR12) for the most common PPMID model (not an Alt HAN bridge) of Supplier A's premises; returns its SHA-256. */
    private String registerImage(String version) throws Exception {
        String model = platform.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT d.model FROM device d JOIN premises p ON p.premises_id = d.premises_id
                 WHERE d.device_type = 'PPMID' AND d.alt_han_variant IS NULL AND p.import_supplier = 'SUPPLIER-A'
                 GROUP BY d.model ORDER BY COUNT(*) DESC, d.model""").mapTo(String.class).first());
        String sha = String.format("%064x", new java.math.BigInteger(1, (model + version).getBytes()));
        var r = send("POST", "/api/firmware-images", "operator", """
                {"manufacturer": "M", "model": "%s", "version": "%s", "sha256": "%s", "applicableDeviceTypes": ["PPMID"]}"""
                .formatted(model, version, sha));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return sha;
    }

    /** A PPMID campaign of Supplier A, awaiting approval; returns its id. */
    private String createCampaign(String sha, String waves) throws Exception {
        var r = send("POST", "/api/campaigns", "a", """
                {"name": "PPMID campaign %s", "imageSha256": "%s", "selection": {"ppmids": true}, "waves": %s,
                 "successThresholdPercent": 50, "maxRetries": 1, "retryBackoffMs": 20, "deviceTimeoutMs": 60000}"""
                .formatted(waves, sha, waves));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).path("campaignId").asText();
    }

    @Override
    public ConsoleBrowser consoleBrowser() {
        return browser;
    }
}
