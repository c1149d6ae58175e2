package no.pathway.api.support;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.openqa.selenium.Cookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by Debian's chromedriver; Selenium Manager downloads nothing) for the
 * browser tests. Every page a test visits is kept as a screenshot under {@code target/screenshots/<test class>/}
 * and its console must be free of errors (a script or style the CSP blocked, a resource that failed to load):
 * {@link #look}. Each page in each of its states (with rows, empty, with an error, in English) is also scanned by
 * axe-core, which allows no serious or critical violation: {@link #page}. A scan takes seconds, so a page seen
 * again in a state already scanned is only looked at.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final Set<String> NOT_ALLOWED = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private final Path profile;
    private int shots;

    private Browser(ChromeDriver driver, String base, Path screenshots, Path profile) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    /** A fresh browser (own profile, no cookies) for the service at {@code base}. */
    public static Browser start(String base, Class<?> test) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The browser tests need %s and %s (Debian's chromium and chromium-driver). The build installs "
                        + "them before the integration tests when it runs as root; otherwise: sudo apt-get install -y "
                        + "chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // Debian's driver, named outright, so that Selenium Manager neither looks for nor downloads one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("pathway-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // without the background-networking flags Chromium reaches out at start, which this network refuses
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                    "--lang=nb");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            Path screenshots = Path.of("target", "screenshots", test.getSimpleName());
            Files.createDirectories(screenshots);
            try (var old = Files.list(screenshots)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            return new Browser(driver, base, screenshots, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Clicks what leads to another page (a link, a form's button) and waits until that page is there. */
    public void follow(String css) {
        WebElement page = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
    }

    /** The path (and query) of the page shown. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of each element as a person reads it (no-break spaces as spaces). */
    public List<String> texts(String css) {
        return all(css).stream().map(e -> e.getText().replace('\u00a0', ' ')).toList();
    }

    /** A page in a state not scanned before: screenshot, console, accessibility scan. */
    public void page(String name) {
        look(name);
        accessible(name);
    }

    /** A page seen again: screenshot and console. */
    public void look(String name) {
        screenshot(name);
        consoleIsClean(name);
    }

    /** The whole page, not just the window (Chromium's own full-page capture). */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", size.get("width").intValue(),
                "height", Math.min(6000, Math.max(HEIGHT, size.get("height").intValue())));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accessible(String name) {
        Results results = new AxeBuilder().disableIframeTesting().analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on %s", name).isFalse();
        List<String> violations = results.getViolations().stream()
                .filter(rule -> NOT_ALLOWED.contains(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(violations).as("serious or critical accessibility violations on %s", name).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** No error, except the page's own status where it is meant to be one (a 404 page is a 404). */
    private void consoleIsClean(String name) {
        String page = driver.getCurrentUrl() + " - Failed to load resource";
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.startsWith(page)).toList();
        assertThat(errors).as("browser console errors on %s", name).isEmpty();
    }

    /** The cookies the browser holds for the service, by name. */
    public Map<String, Cookie> cookies() {
        return driver.manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, c -> c));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
