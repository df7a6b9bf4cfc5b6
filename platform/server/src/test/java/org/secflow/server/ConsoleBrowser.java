package org.secflow.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (no browser or driver download: both paths are given,
 * so Selenium Manager never runs), on a new empty profile, with the flags a machine without network beyond loopback
 * needs. One per test class; {@link #signIn} starts every scenario from the sign-in page.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("secflow.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("secflow.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("secflow.consoleScreenshots", "target/console-screenshots"));

    private final Path profile;
    private final ChromeDriver driver;
    private final String baseUrl;

    ConsoleBrowser(String baseUrl, int width, int height) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("secflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-GB", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Whether Debian's chromium and chromedriver are installed (.ci/run installs them). */
    static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Fails the test class when Debian's chromium or chromedriver is missing: a browser test never skips silently. */
    static void requireInstalled() {
        org.assertj.core.api.Assertions.assertThat(installed())
                .as("Debian's chromium and chromedriver (apt-get install -y chromium chromium-driver; .ci/run installs them)")
                .isTrue();
    }

    /** A test class with a console browser ({@link ScreenshotOnFailure} photographs it). */
    interface Driven {
        /** The class's browser, or null before it is started. */
        ConsoleBrowser consoleBrowser();
    }

    /** Saves target/console-screenshots/{test}.png when a test of a {@link Driven} class fails. */
    static final class ScreenshotOnFailure implements org.junit.jupiter.api.extension.AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(org.junit.jupiter.api.extension.ExtensionContext context) {
            if (context.getExecutionException().isPresent() && context.getTestInstance().orElse(null) instanceof Driven t
                    && t.consoleBrowser() != null) {
                Path file = t.consoleBrowser().screenshot(SCREENSHOTS, context.getRequiredTestMethod().getName());
                System.err.println("console screenshot of the failure: " + file.toAbsolutePath());
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the console at {@code #fragment} (e.g. {@code /campaigns}). */
    void open(String fragment) {
        driver.get(baseUrl + "/#" + fragment);
    }

    /** Signs out whoever was signed in, signs in with {@code token}, and waits for the console's header. */
    void signIn(String token) {
        driver.get(baseUrl + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement field = until(d -> d.findElement(By.id("token")));
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        until(d -> d.findElement(By.id("who")));
    }

    /** Waits up to 30 s for {@code condition} to give a non-null, non-false value (ignoring missing elements). */
    <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(30), condition);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** The text of the element, waiting until it is there. */
    String text(By by) {
        return until(d -> d.findElement(by)).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves a PNG of the page as {@code dir/name.png}. */
    Path screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With {@code -Dsecflow.consoleDocs=DIR} (how docs/images/ is made), saves a screenshot of the whole page as
     * {@code DIR/name.png}; otherwise nothing.
     */
    void docs(String name) {
        String dir = System.getProperty("secflow.consoleDocs");
        if (dir != null && !dir.isBlank()) {
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.min(2400, Math.max(800, document.documentElement.scrollHeight))");
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            org.openqa.selenium.Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), (int) height));
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            screenshot(Path.of(dir), name);
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
