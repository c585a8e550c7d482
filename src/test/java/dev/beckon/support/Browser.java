package dev.beckon.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for console tests, started once per test class ({@code @BeforeAll}) and
 * closed after it ({@code @AfterAll}). It uses the machine's Chromium and chromedriver (never a
 * Selenium Manager download), a throw-away profile, and no background network traffic.
 * Elements are found the way a person finds them: by accessible name, label or role.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("beckon.test.chromium", installed("chromium"));
    public static final String CHROMEDRIVER = System.getProperty("beckon.test.chromedriver", installed("chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Path profile;
    private final ChromeDriver driver;
    private URI base;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts Chromium; call {@link #at(URL)} before opening pages. */
    public static Browser start() {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("beckon-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(profile, new ChromeDriver(service, options));
    }

    /** {@code /usr/bin/<name>}, where Debian puts it, else the first on the PATH, else {@code /usr/bin/<name>}. */
    private static String installed(String name) {
        Path usual = Path.of("/usr/bin", name);
        if (Files.isExecutable(usual)) {
            return usual.toString();
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst().orElse(usual).toString();
    }

    /** Fails with what to install, rather than Selenium's "The driver executable must exist". */
    private static void requireInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(program -> !Files.isExecutable(Path.of(program)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The console tests drive a real Chromium, and " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Install them with: apt-get install chromium chromium-driver (Debian), or run the"
                    + " README's test command, scripts/test, which installs what the tests need. Elsewhere, point"
                    + " -Dbeckon.test.chromium and -Dbeckon.test.chromedriver at a Chromium and its chromedriver.");
        }
    }

    /** The application under test; paths given to {@link #open(String)} are resolved against it. */
    public Browser at(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code path} (e.g. "/login") and waits until the page, images included, has loaded. */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return awaitLoaded();
    }

    /** Waits for the document in the window to finish loading, e.g. after a form was submitted. */
    public Browser awaitLoaded() {
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** The path of the page shown, e.g. "/login". */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String query() {
        return URI.create(driver.getCurrentUrl()).getQuery();
    }

    /** Waits until the page shown has {@code path} (a form post and its redirects are done). */
    public Browser awaitPath(String path) {
        waitUntil(d -> path.equals(path()));
        return awaitLoaded();
    }

    /** The first heading of the page. */
    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The form control whose {@code <label>} reads {@code text}. */
    public WebElement field(String text) {
        WebElement label = driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(text) + "]"));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    /** Every element whose {@code aria-label} is {@code name}. */
    public List<WebElement> allLabelled(String name) {
        return driver.findElements(By.cssSelector("[aria-label=" + cssString(name) + "]"));
    }

    public WebElement labelled(String name) {
        return driver.findElement(By.cssSelector("[aria-label=" + cssString(name) + "]"));
    }

    /** The elements with the ARIA role {@code role} given in markup, e.g. "alert". */
    public List<WebElement> allWithRole(String role) {
        return driver.findElements(By.cssSelector("[role=" + cssString(role) + "]"));
    }

    /** The buttons named {@code name}; a button is found through its accessible name, as a screen reader finds it. */
    public List<WebElement> buttons(String name) {
        return driver.findElements(By.cssSelector("button, input[type=submit], [role=button]")).stream()
                .filter(e -> name.equals(e.getAccessibleName()))
                .toList();
    }

    public WebElement button(String name) {
        return buttons(name).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("No button named '" + name + "' on " + path()));
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        // An element read while a form post replaces the page goes stale: that is "not yet", not a failure.
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the page at " + driver.getCurrentUrl() + " reads:\n" + pageText())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * Waits until {@code element} is no longer on the page. ExpectedConditions.stalenessOf only knows
     * StaleElementReferenceException; Chromium can also answer "Node ... does not belong to the document" while
     * the old page goes. Either means it was replaced.
     */
    public void awaitGone(WebElement element) {
        waitUntil(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** The text of the page shown, for failure messages. */
    public String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getMessage() + ")";
        }
    }

    /** Signs in from a fresh, signed-out browser and waits for the dashboard. */
    public Browser signIn(String user, String password) {
        signedOut();
        open("/login");
        field("User name").sendKeys(user);
        field("Password").sendKeys(password);
        button("Sign in").click();
        return awaitPath("/");
    }

    /** Forgets every cookie of the application's site, so the next page is visited signed out. */
    public void signedOut() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    public void screenshot(Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    private static String cssString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String xpathLiteral(String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        return "concat('" + value.replace("'", "',\"'\",'") + "')";
    }
}
