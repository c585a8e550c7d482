package dev.beckon.console.rules;

import dev.beckon.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the console tests do over and over: sign in, find a table row, take a screenshot of a whole page. */
public final class ConsolePages {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "test-admin-password";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension WINDOW = new Dimension(1280, 900);

    private ConsolePages() {
    }

    /** Signs in from a fresh, signed-out browser and waits for the dashboard. */
    static void signIn(Browser browser, String user, String password) {
        browser.signIn(user, password);
    }

    /** The body row of {@code table} whose text contains {@code text}. */
    public static WebElement row(WebElement table, String text) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No row with '" + text + "' in:\n" + table.getText()));
    }

    /**
     * Waits up to 10 seconds for {@code condition}, like {@link Browser#waitUntil}, but also through an htmx swap
     * or a page load that replaces an element the condition was reading.
     */
    public static <T> T until(Browser browser, ExpectedCondition<T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page at " + browser.driver().getCurrentUrl() + " reads:\n" + browser.pageText())
                .until(condition);
    }

    /** target/screenshots/{name}.png of the whole page, not only what fits the window. */
    public static void screenshot(Browser browser, String name) {
        long height = ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension(WINDOW.width, (int) Math.min(height + 100, 5000)));
        try {
            browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
        } finally {
            browser.driver().manage().window().setSize(WINDOW);
        }
    }
}
