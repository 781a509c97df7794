package org.bpogovernance.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven
 * through its chromedriver. Where they are not installed the browser tests are skipped with a
 * message, except in CI ({@code CI=true}), where {@code .ci/run} installs them and they must run.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GOVERNANCE_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("GOVERNANCE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The webapps' login route in the address: {@code #/login}, in Welcome {@code #!/login}. */
    public static final String LOGIN_ROUTE = "#!?/login";

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final List<Response> responses = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A fresh browser (its own empty profile, so no login carries over) for the service at the port. */
    public static Browser open(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Browser tests need Chromium and its driver (apt-get install chromium chromium-driver); "
                    + "not found at " + CHROMIUM + " and " + CHROMEDRIVER;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + ": skipped");
        }
        try {
            Path profile = Files.createTempDirectory("governance-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Headless as root in a sandbox-less container; no calls home, which this network refuses.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--window-size=1440,1000", "--lang=en-GB", "--user-data-dir=" + profile);
            // "performance": the network log, to see every response a page received (responses()).
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /** Logs in on a Camunda webapp's login page, typing as a person does, and waits until the app has opened. */
    public void logIn(String app, String user, String password) {
        go("/camunda/app/" + app + "/default/");
        // The app starts, finds nobody logged in, and only then shows its login form (#/login; Welcome: #!/login).
        waitUntil(ExpectedConditions.urlMatches(LOGIN_ROUTE));
        logInOnThisPage(user, password);
    }

    /** Types the user name and password into the login form on the page and sends it. */
    public void logInOnThisPage(String user, String password) {
        typeInto(By.cssSelector("input[ng-model='username']"), user);
        typeInto(By.cssSelector("input[ng-model='password']"), password);
        waitForClickable(By.cssSelector("button[type='submit']")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlMatches(LOGIN_ROUTE)));
    }

    /** Types the text into the field with the keyboard; again if the app re-rendered the field meanwhile. */
    private void typeInto(By field, String text) {
        waitUntil(driver -> {
            WebElement input = driver.findElement(field);
            if (!input.isDisplayed() || !input.isEnabled()) {
                return false;
            }
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            return text.equals(input.getDomProperty("value"));
        });
    }

    /**
     * Every response this browser has received so far (address, status and whether it challenged
     * for HTTP Basic, which makes a browser open its own sign-in dialog), from Chromium's network log.
     */
    public List<Response> responses() {
        for (LogEntry entry : driver.manage().logs().get("performance").getAll()) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.responseReceived".equals(message.path("method").asText())) {
                    JsonNode response = message.path("params").path("response");
                    boolean basic = false;
                    for (var header : (Iterable<Map.Entry<String, JsonNode>>) response.path("headers")::fields) {
                        basic |= header.getKey().equalsIgnoreCase("WWW-Authenticate")
                                && header.getValue().asText().toLowerCase(java.util.Locale.ROOT).contains("basic");
                    }
                    responses.add(new Response(response.path("url").asText(), response.path("status").asInt(), basic));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return List.copyOf(responses);
    }

    /** A response the browser received; {@code basicChallenge}: it carried {@code WWW-Authenticate: Basic}. */
    public record Response(String url, int status, boolean basicChallenge) {
    }

    public WebElement waitFor(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitForClickable(By locator) {
        return waitUntil(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Waits up to 30 seconds; on a timeout the page is kept as {@code target/screenshots/timed-out-*.png} and {@code .html}. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            // The webapps re-render while they start: an element found a moment ago may be gone.
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (TimeoutException timedOut) {
            String name = "timed-out-" + System.currentTimeMillis();
            screenshot(name);
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
                Files.write(SCREENSHOTS.resolve(name + ".console.txt"), driver.manage().logs().get("browser").getAll()
                        .stream().map(String::valueOf).toList());
            } catch (IOException e) {
                timedOut.addSuppressed(e);
            }
            throw timedOut;
        }
    }

    /** Saves the page as {@code target/screenshots/<name>.png}; the path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
