package io.artifactpipeline.app;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless chromium driven through {@code /usr/bin/chromedriver}, named explicitly so that
 * Selenium never looks for (or downloads) a driver of its own. Without a browser the tests are skipped
 * with a message, except under {@code CI=true}, where that is a failure.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(375, 812);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);

    final WebDriver driver;
    final Path downloads;
    private final Path profile;
    private final ChromeDriverService service;

    private Browser(Path profile, Path downloads) {
        this.profile = profile;
        this.downloads = downloads;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // The preference alone is not always honoured headless; DevTools makes downloads land in our folder.
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", false));
        driver = chrome;
        driver.manage().window().setSize(DESKTOP);
    }

    static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh browser with its own profile and download folder; a missing browser is a failure here. */
    static Browser start() {
        if (!isInstalled()) {
            fail("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        try {
            return new Browser(Files.createTempDirectory("chromium-profile"), Files.createTempDirectory("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    void open(String url) {
        driver.get(url);
    }

    /** The first visible element with this test id, waiting for it (live updates may redraw it meanwhile). */
    WebElement find(String testId) {
        return waitUntil(d -> d.findElements(testId(testId)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null), "visible [data-testid=" + testId + "]");
    }

    /** An attribute of the first visible element with this test id, read again if a live update redraws it meanwhile. */
    String attribute(String testId, String name) {
        return waitUntil(d -> find(testId).getAttribute(name), name + " of [data-testid=" + testId + "]");
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    boolean isShown(String testId) {
        return driver.findElements(testId(testId)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits for the condition; an element redrawn while it is looked at just means "look again". */
    <T> T waitUntil(ExpectedCondition<T> condition, String what) {
        return new WebDriverWait(driver, WAIT, POLL).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    void waitUntil(BooleanSupplier condition, String what) {
        waitUntil(d -> condition.getAsBoolean() ? Boolean.TRUE : null, what);
    }

    void type(String testId, String text) {
        waitUntil(d -> {
            WebElement field = find(testId);
            field.clear();
            field.sendKeys(text);
            return true;
        }, "typed into [data-testid=" + testId + "]");
    }

    void click(String testId) {
        waitUntil(d -> {
            find(testId).click();
            return true;
        }, "clicked [data-testid=" + testId + "]");
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        waitUntil(() -> ((Number) script("return window.innerWidth")).intValue() <= size.width, "window resized");
    }

    /** Signs in through the page's own hand-over, #token=..., for tests about something other than signing in. */
    void signInWithToken(String base, String token) {
        open(base + "#token=" + token);
        waitUntil(d -> !d.getCurrentUrl().contains("token="), "token taken from the address");
    }

    /** Starts every test from a blank tab: no token, nothing left over from the test before. */
    void reset(String base) {
        open("about:blank");
        open(base + "#/signin");
        script("window.sessionStorage.clear()");
    }

    /** Saves a screenshot under target/screenshots, for a person to look at. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a picture of the page a test failed on, beside the other screenshots. */
    static TestWatcher screenshotOnFailure(Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                if (browser.get() != null) {
                    browser.get().screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
